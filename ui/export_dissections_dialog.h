// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissection_export.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QTableView;
class QTimer;

namespace rcvmon {

class CaptureController;
class PacketTableModel;
class SequentialDissection;

// File ▸ Export Packet Dissections ▸ As CSV… / As JSON… / As Plain Text…: which packets (all
// displayed, the selected ones, the marked ones, or a range of frame numbers, as Wireshark's
// Packet Range), the file, then the export in ~10 ms slices with a progress bar, so the
// window keeps painting through a million packets. The columns are the packet list's as the
// user sees them: titles, order, hidden ones left out; JSON writes each packet's protocol
// layers in tshark -T json's layout instead.
class ExportDissectionsDialog : public QDialog {
    Q_OBJECT
public:
    enum class Range { Displayed, Selected, Marked, FrameRange };

    ExportDissectionsDialog(DissectionFormat format, QTableView* table, PacketTableModel* packets, QWidget* parent = nullptr);
    ~ExportDissectionsDialog() override;

    // JSON writes the packets' protocol layers, dissected from this capture's store in order
    // (as tshark -T json); without it, the columns.
    void setCapture(CaptureController* controller) { m_controller = controller; }
    void setPath(const QString& path);
    void setRange(Range range);
    // "first-last" frame numbers (Range::FrameRange).
    void setFrameRange(const QString& text);
    // How many packets the range holds now.
    std::size_t countIn(Range range) const;
    // Starts the export (as the Export button); false (and why in the dialog) when it cannot.
    bool start();
    bool isRunning() const { return m_export != nullptr; }
    QString message() const;
    // Cancel / Escape: stops a running export (nothing is written) and keeps the dialog open;
    // closes it otherwise.
    void reject() override;

    // The visible columns of `table`, in the header's order, with plain-text widths.
    static std::vector<ExportColumn> visibleColumns(const QTableView& table);

signals:
    // The file is in place (ok) or the export failed or was cancelled (why in message()).
    void finished(bool ok);

private:
    std::vector<std::uint64_t> framesIn(Range range) const;
    Range range() const;
    void browse();
    void slice();
    void stop(bool ok, const QString& message);
    void updateCounts();

    DissectionFormat m_format;
    QTableView* m_table;
    PacketTableModel* m_packets;
    CaptureController* m_controller = nullptr;
    std::unique_ptr<SequentialDissection> m_layers;  // a JSON export's, while it runs
    QLineEdit* m_path;
    QRadioButton* m_displayed;
    QRadioButton* m_selected;
    QRadioButton* m_marked;
    QRadioButton* m_frames;
    QLineEdit* m_frameRange;
    QProgressBar* m_progress;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    QTimer* m_timer;
    std::unique_ptr<DissectionExport> m_export;
};

}  // namespace rcvmon
