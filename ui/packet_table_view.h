// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QTableView>

#include <functional>

namespace rcvmon {

class FrameReplay;

// The packet list's view. A paint waits for at most FrameReplay::PaintFrames frames of stream
// replays in all (FrameReplay::PaintBudget), so a jump into a large capture paints within a
// screen refresh however many of its rows need their streams replayed; the rows past the budget
// show their frame alone until the replay lands on the timer and they are repainted. Its
// scroll bar, repainted by every jump, is painted in bands (BandedScrollBarStyle) so that paint
// never waits for Qt's GUI thread pool.
class PacketTableView : public QTableView {
    Q_OBJECT
public:
    // The current capture's replay (it changes with the capture; null: none).
    using ReplayLookup = std::function<FrameReplay*()>;
    explicit PacketTableView(ReplayLookup replay, QWidget* parent = nullptr);

protected:
    void paintEvent(QPaintEvent* event) override;
    // Qt asks the X server where the pointer is after every scroll step (a round trip, ~0.3 ms)
    // to update the hovered row; with the pointer outside the rows there is nothing to update.
    void verticalScrollbarValueChanged(int value) override;

private:
    ReplayLookup m_replay;
};

}  // namespace rcvmon
