// SPDX-License-Identifier: GPL-2.0-or-later
#include "interface_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rcvmon {

namespace {
QString stateText(const NetworkInterface& nif)
{
    QStringList parts;
    parts << (nif.up ? QStringLiteral("up") : QStringLiteral("down"));
    if (nif.running) parts << QStringLiteral("running");
    if (nif.loopback) parts << QStringLiteral("loopback");
    if (nif.promiscuous) parts << QStringLiteral("promiscuous");
    return parts.join(QStringLiteral(", "));
}
}  // namespace

InterfaceDialog::InterfaceDialog(const std::vector<NetworkInterface>& interfaces, const QString& current,
                                 CaptureMode mode, const QString& filter, QWidget* parent)
    : QDialog(parent), m_list(new QTreeWidget(this)), m_mode(new QComboBox(this)), m_filter(new QLineEdit(filter, this))
{
    setWindowTitle(tr("Capture Interfaces"));
    m_list->setColumnCount(4);
    m_list->setHeaderLabels({tr("Interface"), tr("Addresses"), tr("State"), tr("MAC")});
    m_list->setRootIsDecorated(false);
    for (const NetworkInterface& nif : interfaces) {
        QStringList addresses;
        for (const std::string& a : nif.addresses) addresses << QString::fromStdString(a);
        auto* item = new QTreeWidgetItem(m_list, {QString::fromStdString(nif.name), addresses.join(QStringLiteral(", ")),
                                                  stateText(nif), QString::fromStdString(nif.macAddress)});
        if (!nif.up) item->setForeground(0, QBrush(Qt::gray));
        if (item->text(0) == current) m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0) m_list->setCurrentItem(m_list->topLevelItem(0));
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_mode->addItem(tr("Promiscuous (RCVALL_ON)"), int(CaptureMode::On));
    m_mode->addItem(tr("IP level (RCVALL_IPLEVEL)"), int(CaptureMode::IpLevel));
    m_mode->setCurrentIndex(mode == CaptureMode::On ? 0 : 1);
    m_filter->setPlaceholderText(tr("libpcap syntax, e.g. tcp port 443"));

    auto* form = new QFormLayout;
    form->addRow(tr("Mode:"), m_mode);
    form->addRow(tr("Capture filter:"), m_filter);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_list->currentItem() != nullptr);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(720, 360);
}

QString InterfaceDialog::interfaceName() const
{
    return m_list->currentItem() ? m_list->currentItem()->text(0) : QString();
}

CaptureMode InterfaceDialog::mode() const
{
    return static_cast<CaptureMode>(m_mode->currentData().toInt());
}

QString InterfaceDialog::filter() const
{
    return m_filter->text().trimmed();
}

}  // namespace rcvmon
