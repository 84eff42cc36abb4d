// SPDX-License-Identifier: GPL-2.0-or-later
#include "capture_health_panel.h"

#include "packet_table_model.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace rcvmon {

CaptureHealthPanel::CaptureHealthPanel(QWidget* parent)
    : QWidget(parent), m_source(new QLabel(this)), m_blind(new QLabel(this)), m_promiscuous(new QLabel(this)),
      m_counters(new QLabel(this))
{
    for (QLabel* label : {m_source, m_blind, m_promiscuous, m_counters}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addWidget(m_blind);
    layout->addWidget(m_promiscuous);
    layout->addWidget(m_counters);
    layout->addStretch();
    setHealth({});
}

void CaptureHealthPanel::setHealth(const CaptureHealth& h)
{
    const QLocale locale;
    const QString platform = h.platform == CapturePlatform::Windows ? QStringLiteral("Windows (SIO_RCVALL)")
                                                                   : QStringLiteral("Linux (AF_PACKET)");
    m_source->setText(h.live ? tr("<b>%1</b> on %2, mode <b>%3</b>")
                                   .arg(h.interfaceName.toHtmlEscaped(), platform, modeName(h.mode))
                             : tr("<b>%1</b> (no live capture)").arg(h.interfaceName.toHtmlEscaped()));
    QString blind = tr("<b>Cannot see:</b><ul>");
    for (const QString& line : blindSpots(h)) blind += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    m_blind->setText(blind + QStringLiteral("</ul>"));
    const QString verdict = promiscuousVerdict(h);
    m_promiscuous->setVisible(!verdict.isEmpty());
    m_promiscuous->setText(verdict);
    const auto n = [&](std::uint64_t v) { return locale.toString(static_cast<qulonglong>(v)); };
    m_counters->setText(tr("<b>Counters</b><br>received: %1<br>dropped by the kernel: %2<br>"
                           "lost to ring overflow: %3<br>dropped from the list by the disk bound: %4<br>memory: %5 of %6")
                            .arg(n(h.received), n(h.droppedKernel), n(h.droppedRing), n(h.evicted),
                                 locale.formattedDataSize(static_cast<qint64>(h.memoryUsed)),
                                 locale.formattedDataSize(static_cast<qint64>(h.memoryBound))));
}

QString CaptureHealthPanel::text() const
{
    QStringList parts;
    for (QLabel* label : {m_source, m_blind, m_promiscuous, m_counters})
        if (!label->isHidden()) parts << label->text();
    return parts.join(QLatin1Char('\n'));
}

}  // namespace rcvmon
