// SPDX-License-Identifier: GPL-2.0-or-later
#include "sparkline_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace rcvmon {

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QColor ink = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const int textWidth = option.fontMetrics.horizontalAdvance(QStringLiteral("999.9 MB/s")) + 8;
    const QRect area = option.rect.adjusted(3, 3, -textWidth, -3);
    const QList<double> values = index.data(SparklineRole).value<QList<double>>();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (values.size() >= 2 && area.width() > 4 && area.height() > 2) {
        const double top = std::max(1.0, *std::max_element(values.begin(), values.end()));
        const double step = double(area.width()) / double(values.size() - 1);
        QPainterPath line;
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QPointF p(area.left() + step * double(i), area.bottom() - values[i] / top * area.height());
            i == 0 ? line.moveTo(p) : line.lineTo(p);
        }
        QPainterPath fill = line;
        fill.lineTo(area.right(), area.bottom());
        fill.lineTo(area.left(), area.bottom());
        fill.closeSubpath();
        QColor under = selected ? ink : option.palette.color(QPalette::Highlight);
        under.setAlpha(70);
        painter->fillPath(fill, under);
        // Cosmetic pen: one device pixel, sharp at any scale factor.
        QPen pen(selected ? ink : option.palette.color(QPalette::Highlight), 0);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->drawPath(line);
    }
    painter->setPen(ink);
    painter->drawText(option.rect.adjusted(0, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), option.fontMetrics.horizontalAdvance(QLatin1Char('M')) * 24));
    size.setHeight(std::max(size.height(), option.fontMetrics.height() * 3 / 2));
    return size;
}

}  // namespace rcvmon
