// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QProxyStyle>

namespace rcvmon {

// A style that paints a tall scroll bar as a stack of bands at most FillRows device pixel rows
// high: its base style draws the whole bar into each band's image, and the images are put
// together, so the bar looks exactly as the base style paints it.
// Why: Qt's raster engine hands any fill of more than ~96 rows to its GUI thread pool in 64-row
// pieces and blocks the GUI thread until every piece is done. On a busy machine a pool thread
// can wait tens of milliseconds for a CPU, and the packet list's full-height groove made that
// wait the slowest part of a jump's paint; a band is filled on the GUI thread. (A clip per band
// on the one painter is not enough: Fusion replaces the clip to draw the groove's edge.)
class BandedScrollBarStyle : public QProxyStyle {
public:
    // Qt splits a fill of n rows when (n + 32) / 64 > 1; 64 rows stay below that.
    static constexpr int FillRows = 64;

    // Takes ownership of `base` (null: the application's default style, as QProxyStyle does).
    explicit BandedScrollBarStyle(QStyle* base);

    // Scroll bars in bands at whole-number scales; other controls, and any control under a
    // rotation or a fractional scale, as the base style paints them.
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex* option, QPainter* painter,
                            const QWidget* widget = nullptr) const override;
};

}  // namespace rcvmon
