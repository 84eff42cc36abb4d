// SPDX-License-Identifier: GPL-2.0-or-later
#include "expert_info_indicator.h"

#include "expert_info_model.h"
#include "expert_scan.h"

#include <QPainter>
#include <QPixmap>

namespace rcvmon {
namespace {

QIcon dot(const QColor& color, qreal scale)
{
    QPixmap pixmap(QSize(12, 12) * scale);
    pixmap.setDevicePixelRatio(scale);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color.darker(150), 1));
    p.setBrush(color);
    p.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

}  // namespace

ExpertInfoIndicator::ExpertInfoIndicator(const ExpertScan& scan, QWidget* parent) : QToolButton(parent), m_scan(scan)
{
    setObjectName(QStringLiteral("expertInfoIndicator"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    refresh();
}

void ExpertInfoIndicator::refresh()
{
    const qreal scale = devicePixelRatioF();
    if (m_scan.running()) {
        setIcon(dot(QColor(0xc0, 0xc0, 0xc0), scale));
        setText(tr("Expert %1%").arg(int(m_scan.progress() * 100)));
        setToolTip(tr("Finding the expert information of every packet"));
        return;
    }
    const auto tally = m_scan.result();
    ExpertSeverity highest = ExpertSeverity::Comment;
    if (!tally || !tally->highest(highest)) {
        setIcon(dot(QColor(0xc0, 0xc0, 0xc0), scale));
        setText(tally ? tr("No expert info") : tr("Expert Info"));
        setToolTip(tr("Open Expert Information"));
        return;
    }
    setIcon(dot(ExpertInfoModel::severityColor(highest), scale));
    setText(ExpertInfoModel::severityText(highest));
    setToolTip(tr("Highest expert severity: %1 (%L2 errors, %L3 warnings, %L4 notes, %L5 chats). Click for Expert Information.")
                   .arg(ExpertInfoModel::severityText(highest))
                   .arg(tally->count(ExpertSeverity::Error))
                   .arg(tally->count(ExpertSeverity::Warning))
                   .arg(tally->count(ExpertSeverity::Note))
                   .arg(tally->count(ExpertSeverity::Chat)));
}

}  // namespace rcvmon
