// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QTableView;
class QTimer;

namespace rcvmon {

class ProcessTableModel;
class ProcessTraffic;

// Statistics ▸ Processes: packets, bytes and bits per second, in and out, per local process
// over all live TCP/UDP traffic (every retained frame's flow, not only the rows the packet
// list showed), sortable. Regrouped about once a second while shown, and as soon as the
// process map has new answers.
class ProcessesDialog : public QDialog {
    Q_OBJECT
public:
    explicit ProcessesDialog(ProcessTraffic* traffic, QWidget* parent = nullptr);

    ProcessTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    // Regroups the flows and starts a new rate interval (the timer does this every second while shown).
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void updateStatus();

    ProcessTraffic* m_traffic;
    ProcessTableModel* m_model;
    QTableView* m_table;
    QLabel* m_status;
    QTimer* m_timer;
    QTimer* m_answerTimer;  // picks up new owners between the 1 s ticks
};

}  // namespace rcvmon
