// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

class QMenu;
class QTableView;

namespace rcvmon {

class PacketTableModel;

// Edit ▸ Set/Unset Time Reference (Ctrl+T) on the selected packets and Unset All Time
// References (Ctrl+Alt+T), Wireshark's keys: the Time column shows *REF* on a reference and
// counts later packets from it (PacketTableModel).
class TimeReference : public QObject {
    Q_OBJECT
public:
    TimeReference(QMenu* edit, QTableView* table, PacketTableModel* model, QObject* parent);

    // Toggles the selected rows; false when none is selected.
    bool toggleSelected();

private:
    QTableView* m_table;
    PacketTableModel* m_model;
};

}  // namespace rcvmon
