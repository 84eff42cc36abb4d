// SPDX-License-Identifier: GPL-2.0-or-later
#include "banded_scroll_bar_style.h"

#include <QImage>
#include <QPainter>
#include <QStyleOption>

#include <algorithm>
#include <cmath>

namespace rcvmon {

BandedScrollBarStyle::BandedScrollBarStyle(QStyle* base) : QProxyStyle(base)
{
}

void BandedScrollBarStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex* option,
                                              QPainter* painter, const QWidget* widget) const
{
    const QRect whole = option->rect;
    // Device pixels per logical pixel, from the transform: the painter's device may be a widget
    // whose painting is redirected to a backing store or image of another scale.
    const QTransform toDevice = painter->deviceTransform();
    const qreal ratio = toDevice.m22();
    // Bands meet exactly only where a logical pixel is a whole number of device pixels.
    const bool wholePixels = toDevice.type() <= QTransform::TxScale && toDevice.m11() == ratio && ratio >= 1.0 &&
                             ratio == std::floor(ratio) && ratio <= FillRows;
    if (control != CC_ScrollBar || !wholePixels || whole.height() * ratio <= FillRows) {
        QProxyStyle::drawComplexControl(control, option, painter, widget);
        return;
    }
    const int band = FillRows / static_cast<int>(ratio);
    QImage image(QSize(whole.width(), band) * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    for (int top = whole.top(); top <= whole.bottom(); top += band) {
        image.fill(Qt::transparent);
        QPainter bandPainter(&image);
        bandPainter.setFont(painter->font());
        bandPainter.setPen(painter->pen());
        bandPainter.setBrush(painter->brush());
        bandPainter.setRenderHints(painter->renderHints());
        bandPainter.setLayoutDirection(painter->layoutDirection());
        bandPainter.translate(-whole.left(), -top);
        QProxyStyle::drawComplexControl(control, option, &bandPainter, widget);
        bandPainter.end();
        const int rows = std::min(band, whole.bottom() + 1 - top);
        painter->drawImage(QPoint(whole.left(), top), image, QRect(QPoint(0, 0), QSize(whole.width(), rows) * ratio));
    }
}

}  // namespace rcvmon
