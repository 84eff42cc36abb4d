// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "names/service_table.h"

#include <cstdint>
#include <set>
#include <string>

namespace rcvmon::names {

// Transport names in Info texts ("55058 → https(443)"). Protocols write their Info on demand
// through a fixed writer signature that carries no resolver, so whoever formats a row with
// transport names on opens this scope around it; the writers ask transportPortNames().
// Per thread, so the GUI and a statistics worker never see each other's choice.
class PortNamesScope {
public:
    // `used`, when given, collects each named port as port << 8 | transport (for the
    // Resolved Addresses dialog).
    explicit PortNamesScope(const ServiceTable* services, std::set<std::uint32_t>* used = nullptr);
    ~PortNamesScope();
    PortNamesScope(const PortNamesScope&) = delete;
    PortNamesScope& operator=(const PortNamesScope&) = delete;

private:
    const ServiceTable* m_previous;
    std::set<std::uint32_t>* m_previousUsed;
};

// The services of the innermost scope on this thread, or nullptr (numbers only).
const ServiceTable* transportPortNames();

// "443", or "https(443)" when a scope names the port, as Wireshark's Info column does.
void appendPort(std::string& out, Transport transport, std::uint64_t port);

}  // namespace rcvmon::names
