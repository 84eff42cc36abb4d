// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "names/name_resolver.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QTimer;
class QWidget;

namespace rcvmon {

class CaptureController;
class DnsNamePass;
class ResolvedAddressesDialog;

// Name resolution in the window: View ▸ Name Resolution's five switches (saved in the
// settings), the resolver the packet table's decoder asks (lazily, for the rows shown), the
// captured-DNS pass, and Statistics ▸ Resolved Addresses. Names that arrive later (a DNS
// answer further on, the external resolver) repaint the shown rows, at most a few times a second.
class NameResolution : public QObject {
    Q_OBJECT
public:
    explicit NameResolution(CaptureController* controller, QWidget* window);
    ~NameResolution() override;

    names::NameResolver& resolver() { return m_resolver; }
    void addToViewMenu(QMenu* view);
    void addToStatisticsMenu(QMenu* statistics);
    void setFlags(const names::ResolutionFlags& flags);
    ResolvedAddressesDialog* showResolvedAddresses();
    DnsNamePass* dnsPass() const { return m_dnsPass; }

private:
    void apply(const names::ResolutionFlags& flags);
    void scheduleRefresh();
    void refreshRows();
    names::ResolutionFlags checkedFlags() const;

    CaptureController* m_controller;
    QWidget* m_window;
    names::NameResolver m_resolver;
    DnsNamePass* m_dnsPass;
    QTimer* m_refresh;
    QAction* m_mac = nullptr;
    QAction* m_network = nullptr;
    QAction* m_transport = nullptr;
    QAction* m_capturedDns = nullptr;
    QAction* m_external = nullptr;
    QPointer<ResolvedAddressesDialog> m_dialog;
};

}  // namespace rcvmon
