// SPDX-License-Identifier: GPL-2.0-or-later
#include "interface_dialog.h"

#include "live/interface_choice.h"
#include "live/ssh_target.h"

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
    // Several interfaces make one capture, merged by time (Ctrl/Shift-click).
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    QStringList chosen;
    for (const std::string& name : splitInterfaceList(current.toStdString())) chosen << QString::fromStdString(name);
    for (const NetworkInterface& nif : interfaces) {
        QStringList addresses;
        for (const std::string& a : nif.addresses) addresses << QString::fromStdString(a);
        auto* item = new QTreeWidgetItem(m_list, {QString::fromStdString(nif.name), addresses.join(QStringLiteral(", ")),
                                                  stateText(nif), QString::fromStdString(nif.macAddress)});
        if (!nif.up) item->setForeground(0, QBrush(Qt::gray));
        if (chosen.contains(item->text(0))) item->setSelected(true);
        if (!m_list->currentItem() && chosen.contains(item->text(0))) m_list->setCurrentItem(item, 0, QItemSelectionModel::Select);
    }
    // Remote interfaces of the current capture (Capture ▸ Remote Interfaces…) stay choosable.
    for (const QString& name : chosen) {
        if (!isSshUrl(name.toStdString())) continue;
        auto* item = new QTreeWidgetItem(m_list, {name, QString(), tr("remote, over ssh"), QString()});
        item->setSelected(true);
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
    QStringList names;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->isSelected()) names << m_list->topLevelItem(i)->text(0);
    if (names.isEmpty() && m_list->currentItem()) names << m_list->currentItem()->text(0);
    return names.join(QStringLiteral(", "));
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
