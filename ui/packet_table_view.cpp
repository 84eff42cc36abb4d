// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_table_view.h"

#include "frame_replay.h"

#include <QScrollBar>

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

void PacketTableView::verticalScrollbarValueChanged(int value)
{
    if (viewport()->underMouse()) {
        QTableView::verticalScrollbarValueChanged(value);
        return;
    }
    // What the base does besides the hover check.
    if (value == verticalScrollBar()->maximum() && model() && model()->canFetchMore(rootIndex()))
        model()->fetchMore(rootIndex());
}

}  // namespace rcvmon
