// SPDX-License-Identifier: GPL-2.0-or-later
#include "resolved_addresses_dialog.h"

#include "names/name_resolver.h"
#include "names/resolution_flags.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rcvmon {
namespace {

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSortingEnabled(true);
    return table;
}

void fill(QTableWidget* table, const std::vector<QStringList>& rows)
{
    table->setSortingEnabled(false);
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r)
        for (int c = 0; c < int(rows[std::size_t(r)].size()); ++c)
            table->setItem(r, c, new QTableWidgetItem(rows[std::size_t(r)][c]));
    table->setSortingEnabled(true);
    table->resizeColumnsToContents();
}

QString transportName(names::Transport t)
{
    switch (t) {
    case names::Transport::Tcp: return QStringLiteral("tcp");
    case names::Transport::Udp: return QStringLiteral("udp");
    case names::Transport::Sctp: return QStringLiteral("sctp");
    case names::Transport::Dccp: return QStringLiteral("dccp");
    }
    return {};
}

}  // namespace

ResolvedAddressesDialog::ResolvedAddressesDialog(const names::NameResolver& resolver, QWidget* parent)
    : QDialog(parent), m_resolver(resolver), m_summary(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_hosts(makeTable({tr("Address"), tr("Name"), tr("Learned from")}, this)),
      m_macs(makeTable({tr("Address"), tr("Name")}, this)),
      m_ports(makeTable({tr("Port"), tr("Transport"), tr("Name")}, this))
{
    setObjectName(QStringLiteral("resolvedAddressesDialog"));
    setWindowTitle(tr("Resolved Addresses"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->addTab(m_hosts, tr("Hosts"));
    m_tabs->addTab(m_macs, tr("Ethernet Addresses"));
    m_tabs->addTab(m_ports, tr("Ports"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* reload = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    connect(reload, &QPushButton::clicked, this, &ResolvedAddressesDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(640, 420);
    refresh();
}

void ResolvedAddressesDialog::refresh()
{
    std::vector<QStringList> hosts;
    for (const auto& [address, name] : m_resolver.learnedHosts().entries())
        hosts.push_back({QString::fromStdString(address.text()), QString::fromStdString(name), tr("captured DNS")});
    if (const auto* external = m_resolver.externalResolver())
        for (const auto& [address, name] : external->answers())
            hosts.push_back({QString::fromStdString(address.text()), QString::fromStdString(name), tr("external resolver")});
    fill(m_hosts, hosts);

    std::vector<QStringList> macs;
    for (const auto& [address, name] : m_resolver.macNames().resolvedSoFar())
        macs.push_back({QString::fromStdString(address), QString::fromStdString(name)});
    fill(m_macs, macs);

    std::vector<QStringList> ports;
    for (const std::uint32_t key : m_resolver.usedPorts()) {
        const auto transport = static_cast<names::Transport>(key & 0xff);
        const auto port = static_cast<std::uint16_t>(key >> 8);
        ports.push_back({QString::number(port), transportName(transport),
                         QString::fromStdString(std::string(m_resolver.services().find(transport, port)))});
    }
    fill(m_ports, ports);

    const names::ResolutionFlags& f = m_resolver.flags();
    auto onOff = [this](bool on) { return on ? tr("on") : tr("off"); };
    QString text = tr("Physical: %1 · Network: %2 · Transport: %3 · Captured DNS: %4 · External resolver: %5")
                       .arg(onOff(f.mac), onOff(f.network), onOff(f.transport), onOff(f.capturedDns), onOff(f.external));
    if (const auto* external = m_resolver.externalResolver())
        text += tr(" (%1 answered, %2 waiting)").arg(external->answered()).arg(external->pending());
    text += QLatin1Char('\n') + tr("MAC names: %1").arg(QString::fromStdString(m_resolver.macNames().sourceDescription()));
    m_summary->setText(text);
}

}  // namespace rcvmon
