// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_table_view.h"

#include "frame_replay.h"

#include <utility>

namespace rcvmon {

PacketTableView::PacketTableView(ReplayLookup replay, QWidget* parent) : QTableView(parent), m_replay(std::move(replay))
{
}

void PacketTableView::paintEvent(QPaintEvent* event)
{
    const FrameReplay::PaintBudget budget(m_replay ? m_replay() : nullptr);
    QTableView::paintEvent(event);
}

}  // namespace rcvmon
