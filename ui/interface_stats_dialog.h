// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/source_merger.h"

#include <QDialog>

#include <vector>

class QTableWidget;

namespace rcvmon {

// Capture ▸ Interface Statistics…: every interface of a merged capture in a row, its state,
// mode, packets and drops side by side: the local kernel's, its queue's (the ring between
// it and the merge), and for a remote interface its far end's kernel and ring drops (from
// the remote rcvmon-cli's stat lines).
class InterfaceStatsDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { Interface, State, Mode, Packets, KernelDrops, RingDrops, RemoteKernelDrops, RemoteRingDrops, ColumnCount };

    explicit InterfaceStatsDialog(QWidget* parent = nullptr);
    void setMembers(const std::vector<SourceMerger::MemberStatus>& members);
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

}  // namespace rcvmon
