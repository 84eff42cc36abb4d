// SPDX-License-Identifier: GPL-2.0-or-later
#include "name_resolution.h"

#include "capture_controller.h"
#include "dns_name_pass.h"
#include "packet_table_model.h"
#include "resolved_addresses_dialog.h"

#include <QAction>
#include <QMenu>
#include <QMetaObject>
#include <QSettings>
#include <QTimer>
#include <QWidget>

namespace rcvmon {
namespace {

// Wireshark's defaults: MAC names and captured DNS on; network names, transport names and
// the external resolver (the one that sends packets) off.
names::ResolutionFlags loadFlags()
{
    QSettings s;
    s.beginGroup(QStringLiteral("nameResolution"));
    names::ResolutionFlags f;
    f.mac = s.value(QStringLiteral("mac"), true).toBool();
    f.network = s.value(QStringLiteral("network"), false).toBool();
    f.transport = s.value(QStringLiteral("transport"), false).toBool();
    f.capturedDns = s.value(QStringLiteral("capturedDns"), true).toBool();
    f.external = s.value(QStringLiteral("external"), false).toBool();
    return f;
}

void saveFlags(const names::ResolutionFlags& f)
{
    QSettings s;
    s.beginGroup(QStringLiteral("nameResolution"));
    s.setValue(QStringLiteral("mac"), f.mac);
    s.setValue(QStringLiteral("network"), f.network);
    s.setValue(QStringLiteral("transport"), f.transport);
    s.setValue(QStringLiteral("capturedDns"), f.capturedDns);
    s.setValue(QStringLiteral("external"), f.external);
}

}  // namespace

NameResolution::NameResolution(CaptureController* controller, QWidget* window)
    : QObject(window), m_controller(controller), m_window(window), m_dnsPass(new DnsNamePass(m_resolver, this)),
      m_refresh(new QTimer(this))
{
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(200);
    connect(m_refresh, &QTimer::timeout, this, &NameResolution::refreshRows);
    connect(m_dnsPass, &DnsNamePass::namesLearned, this, &NameResolution::scheduleRefresh);
    // Answers come on the resolver's thread: hop to this one before touching any model.
    m_resolver.setOnExternalAnswer([this] { QMetaObject::invokeMethod(this, &NameResolution::scheduleRefresh, Qt::QueuedConnection); });
    m_controller->addStorePass(m_dnsPass);
    apply(loadFlags());
}

NameResolution::~NameResolution()
{
    // Stops (joins) the external resolver first, so no answer can call back into a dying object.
    names::ResolutionFlags off = m_resolver.flags();
    off.external = false;
    m_resolver.setFlags(off);
}

void NameResolution::addToViewMenu(QMenu* view)
{
    QMenu* menu = view->addMenu(tr("Name Resol&ution"));
    menu->setObjectName(QStringLiteral("menuNameResolution"));
    auto add = [&](const char* name, const QString& text, bool checked) {
        QAction* a = menu->addAction(text);
        a->setObjectName(QString::fromLatin1(name));
        a->setCheckable(true);
        a->setChecked(checked);
        connect(a, &QAction::toggled, this, [this] { apply(checkedFlags()); });
        return a;
    };
    const names::ResolutionFlags& f = m_resolver.flags();
    m_mac = add("actionResolvePhysical", tr("Resolve &Physical Addresses"), f.mac);
    m_network = add("actionResolveNetwork", tr("Resolve &Network Addresses"), f.network);
    m_transport = add("actionResolveTransport", tr("Resolve &Transport Addresses"), f.transport);
    menu->addSeparator();
    m_capturedDns = add("actionUseCapturedDns", tr("Use &Captured DNS Packet Data"), f.capturedDns);
    m_external = add("actionUseExternalResolver", tr("Use an &External Network Name Resolver"), f.external);
    m_external->setToolTip(tr("Asks the system's resolver (usually DNS) for the names of the addresses shown: "
                              "this sends packets. Applies with Resolve Network Addresses."));
}

void NameResolution::addToStatisticsMenu(QMenu* statistics)
{
    QAction* a = statistics->addAction(tr("Resolved &Addresses"));
    a->setObjectName(QStringLiteral("actionResolvedAddresses"));
    connect(a, &QAction::triggered, this, &NameResolution::showResolvedAddresses);
}

names::ResolutionFlags NameResolution::checkedFlags() const
{
    names::ResolutionFlags f;
    f.mac = m_mac->isChecked();
    f.network = m_network->isChecked();
    f.transport = m_transport->isChecked();
    f.capturedDns = m_capturedDns->isChecked();
    f.external = m_external->isChecked();
    return f;
}

void NameResolution::setFlags(const names::ResolutionFlags& flags)
{
    if (m_mac) {
        // Through the actions, so the menu shows what is in force; each toggle applies.
        const QSignalBlocker blockers[] = {QSignalBlocker(m_mac), QSignalBlocker(m_network), QSignalBlocker(m_transport),
                                           QSignalBlocker(m_capturedDns), QSignalBlocker(m_external)};
        m_mac->setChecked(flags.mac);
        m_network->setChecked(flags.network);
        m_transport->setChecked(flags.transport);
        m_capturedDns->setChecked(flags.capturedDns);
        m_external->setChecked(flags.external);
    }
    apply(flags);
}

void NameResolution::apply(const names::ResolutionFlags& flags)
{
    const bool changed = !(flags == m_resolver.flags());
    m_resolver.setFlags(flags);
    saveFlags(flags);
    // Captured DNS names are only used with network names: the pass runs only then.
    m_dnsPass->setEnabled(flags.network && flags.capturedDns);
    if (changed) refreshRows();
}

void NameResolution::scheduleRefresh()
{
    if (!m_refresh->isActive()) m_refresh->start();
}

void NameResolution::refreshRows()
{
    m_refresh->stop();
    m_controller->tableModel()->refreshText();
    if (m_dialog) m_dialog->refresh();
}

ResolvedAddressesDialog* NameResolution::showResolvedAddresses()
{
    if (!m_dialog) {
        m_dialog = new ResolvedAddressesDialog(m_resolver, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->refresh();
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

}  // namespace rcvmon
