// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

#include <cstdint>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeView;
class QSortFilterProxyModel;

namespace rcvmon {

class ExpertInfoModel;
class ExpertScan;

// Statistics ▸ Expert Information: the scan's groups with counts, each expanding to its
// packets; activating a row selects its packet (a group: its first). While the scan runs a
// progress bar and Cancel replace the totals.
class ExpertInfoDialog : public QDialog {
    Q_OBJECT
public:
    ExpertInfoDialog(ExpertScan& scan, ExpertInfoModel& model, QWidget* parent = nullptr);

    QTreeView* tree() const { return m_tree; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QString totalsText() const;

signals:
    void frameRequested(quint64 frame);
    // Scan again (the capture grew, or the last scan was cancelled).
    void rescanRequested();

private:
    void updateState();
    void activate(const QModelIndex& index);

    ExpertScan& m_scan;
    ExpertInfoModel& m_model;
    QSortFilterProxyModel* m_proxy;
    QTreeView* m_tree;
    QLabel* m_totals;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPushButton* m_rescan;
};

}  // namespace rcvmon
