// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace rcvmon {

// Paints a cell's recent values (QList<double> in SparklineRole) as a small line over the
// cell's width, scaled to their own maximum, with the cell's text right-aligned after it.
// Colours come from the palette, so a dark theme draws it as well as a light one.
class SparklineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int SparklineRole = Qt::UserRole + 40;

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace rcvmon
