// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QTableView;
class QTimer;

namespace rcvmon {

class ProcessTableModel;
class ProcessTraffic;

// Statistics ▸ Processes: packets and bytes, in and out, per local process for the packets the
// packet list has attributed so far (its Process column), sortable, refreshed about once a
// second while it is shown.
class ProcessesDialog : public QDialog {
    Q_OBJECT
public:
    explicit ProcessesDialog(const ProcessTraffic* traffic, QWidget* parent = nullptr);

    ProcessTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    // Reads the counts again (the timer does this every second while shown).
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    ProcessTableModel* m_model;
    QTableView* m_table;
    QTimer* m_timer;
};

}  // namespace rcvmon
