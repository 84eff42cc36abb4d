// SPDX-License-Identifier: GPL-2.0-or-later
#include "names/service_table.h"

#include "names/keyed_entries.h"
#include "names/text_file.h"

#include <algorithm>
#include <cstdlib>

namespace rcvmon::names {
namespace {

std::uint32_t keyOf(Transport t, std::uint16_t port)
{
    return std::uint32_t(port) << 8 | std::uint32_t(t);
}

std::string_view nextWord(std::string_view& text)
{
    const std::size_t start = text.find_first_not_of(" \t");
    if (start == std::string_view::npos) {
        text = {};
        return {};
    }
    text.remove_prefix(start);
    const std::size_t end = std::min(text.find_first_of(" \t"), text.size());
    const std::string_view word = text.substr(0, end);
    text.remove_prefix(end);
    return word;
}

}  // namespace

std::size_t ServiceTable::addServicesText(std::string_view text)
{
    const std::size_t before = m_entries.size();
    forEachLine(text, [this](std::string_view line) {
        if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        const std::string_view name = nextWord(line);
        std::string_view spec = nextWord(line);  // "80/tcp" or "80/tcp/udp/sctp"
        if (name.empty() || spec.empty()) return;
        const std::size_t slash = spec.find('/');
        if (slash == 0 || slash == std::string_view::npos) return;
        unsigned port = 0;
        for (const char c : spec.substr(0, slash)) {
            if (c < '0' || c > '9') return;
            port = port * 10 + unsigned(c - '0');
            if (port > 65535) return;
        }
        spec.remove_prefix(slash + 1);
        const auto offset = static_cast<std::uint32_t>(m_names.size());
        bool used = false;
        while (!spec.empty()) {
            const std::size_t end = std::min(spec.find('/'), spec.size());
            const std::string_view proto = spec.substr(0, end);
            spec.remove_prefix(std::min(end + 1, spec.size()));
            Transport t;
            if (proto == "tcp") t = Transport::Tcp;
            else if (proto == "udp") t = Transport::Udp;
            else if (proto == "sctp") t = Transport::Sctp;
            else if (proto == "dccp") t = Transport::Dccp;
            else continue;
            m_entries.push_back(Entry{keyOf(t, std::uint16_t(port)), std::uint16_t(offset >> 16), std::uint16_t(offset & 0xffff)});
            used = true;
        }
        if (used) {
            m_names += name;
            m_names += '\0';
            m_sorted = false;
        }
    });
    return m_entries.size() - before;
}

void ServiceTable::finish() const
{
    if (m_sorted) return;
    sortKeepingFirstOfEachKey(m_entries);
    m_sorted = true;
}

std::string_view ServiceTable::find(Transport transport, std::uint16_t port) const
{
    finish();
    const std::uint32_t key = keyOf(transport, port);
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key, [](const Entry& e, std::uint32_t k) { return e.key < k; });
    if (it == m_entries.end() || it->key != key) return {};
    const std::size_t offset = std::size_t(it->nameOffsetHigh) << 16 | it->nameOffsetLow;
    return std::string_view(m_names.c_str() + offset);
}

std::vector<std::string> ServiceTable::systemFiles()
{
#ifdef _WIN32
    std::vector<std::string> files = {"C:/Program Files/Wireshark/services"};
    if (const char* root = std::getenv("SystemRoot")) files.push_back(std::string(root) + "/System32/drivers/etc/services");
    return files;
#else
    return {"/usr/share/wireshark/services", "/etc/services"};
#endif
}

}  // namespace rcvmon::names
