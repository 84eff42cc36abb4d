// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_table_view.h"

#include "banded_scroll_bar_style.h"
#include "frame_replay.h"

#include <QScrollBar>
#include <QStyleFactory>

#include <utility>

namespace rcvmon {

PacketTableView::PacketTableView(ReplayLookup replay, QWidget* parent) : QTableView(parent), m_replay(std::move(replay))
{
    // Every jump repaints the scroll bar, whose groove is as tall as the list. Its own copy of
    // the application's style paints it in bands; a style made elsewhere (no name to copy it
    // by) paints it as before.
    if (QStyle* base = QStyleFactory::create(style()->name())) {
        auto* banded = new BandedScrollBarStyle(base);
        banded->setParent(this);
        verticalScrollBar()->setStyle(banded);
    }
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
