// SPDX-License-Identifier: GPL-2.0-or-later
#include "message_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace rcvmon {

MessageBar::MessageBar(QWidget* parent) : QWidget(parent), m_label(new QLabel(this))
{
    setAutoFillBackground(true);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(close);
    hide();
}

void MessageBar::show(const QString& text, const QString& colour)
{
    setStyleSheet(QStringLiteral("rcvmon--MessageBar { background: %1; }").arg(colour));
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(colour));
    pal.setColor(QPalette::WindowText, Qt::black);
    setPalette(pal);
    m_label->setText(text);
    setVisible(true);
}

void MessageBar::showError(const QString& text)
{
    show(text, QStringLiteral("#f8d0d0"));
}

void MessageBar::showInfo(const QString& text)
{
    show(text, QStringLiteral("#fff3c0"));
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_label->text();
}

}  // namespace rcvmon
