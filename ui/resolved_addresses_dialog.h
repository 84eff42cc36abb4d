// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QTabWidget;
class QTableWidget;

namespace rcvmon {

namespace names {
class NameResolver;
}

// Statistics ▸ Resolved Addresses, as Wireshark's: what name resolution has resolved so far —
// host names (from captured DNS answers or the external resolver), MAC names, and the port
// names the Info column used — with where the names come from.
class ResolvedAddressesDialog : public QDialog {
    Q_OBJECT
public:
    explicit ResolvedAddressesDialog(const names::NameResolver& resolver, QWidget* parent = nullptr);

    // Reads what the resolver knows now.
    void refresh();
    QTableWidget* hosts() const { return m_hosts; }
    QTableWidget* macs() const { return m_macs; }
    QTableWidget* ports() const { return m_ports; }
    QTabWidget* tabs() const { return m_tabs; }

private:
    const names::NameResolver& m_resolver;
    QLabel* m_summary;
    QTabWidget* m_tabs;
    QTableWidget* m_hosts;
    QTableWidget* m_macs;
    QTableWidget* m_ports;
};

}  // namespace rcvmon
