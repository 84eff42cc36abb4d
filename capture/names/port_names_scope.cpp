// SPDX-License-Identifier: GPL-2.0-or-later
#include "names/port_names_scope.h"

#include <charconv>

namespace rcvmon::names {
namespace {

thread_local const ServiceTable* t_services = nullptr;
thread_local std::set<std::uint32_t>* t_used = nullptr;

}  // namespace

PortNamesScope::PortNamesScope(const ServiceTable* services, std::set<std::uint32_t>* used)
    : m_previous(t_services), m_previousUsed(t_used)
{
    t_services = services;
    t_used = used;
}

PortNamesScope::~PortNamesScope()
{
    t_services = m_previous;
    t_used = m_previousUsed;
}

const ServiceTable* transportPortNames()
{
    return t_services;
}

void appendPort(std::string& out, Transport transport, std::uint64_t port)
{
    // Digits on the stack: Info texts are formatted without allocating beyond `out`.
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, port);
    const std::string_view number(digits, ec == std::errc{} ? std::size_t(end - digits) : 0);
    if (t_services && port <= 0xffff) {
        const std::string_view name = t_services->find(transport, static_cast<std::uint16_t>(port));
        if (!name.empty()) {
            if (t_used) t_used->insert(std::uint32_t(port) << 8 | std::uint32_t(transport));
            out += name;
            out += '(';
            out += number;
            out += ')';
            return;
        }
    }
    out += number;
}

}  // namespace rcvmon::names
