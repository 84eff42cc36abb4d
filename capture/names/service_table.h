// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon::names {

enum class Transport : std::uint8_t { Tcp, Udp, Sctp, Dccp };

// Port names from a services file: /etc/services ("http 80/tcp www") or Wireshark's own
// ("http<TAB>80/tcp/udp/sctp<TAB># World Wide Web"). One sorted array of 8-byte entries and
// a name arena; the first name given for a port and transport wins.
class ServiceTable {
public:
    std::size_t addServicesText(std::string_view text);
    std::string_view find(Transport transport, std::uint16_t port) const;  // empty when unnamed
    void finish() const;
    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }

    // Wireshark's services file when installed (tshark -N t uses it), else the system's.
    static std::vector<std::string> systemFiles();

private:
    struct Entry {
        std::uint32_t key;  // port << 8 | transport
        std::uint16_t nameOffsetHigh;
        std::uint16_t nameOffsetLow;
    };
    static_assert(sizeof(Entry) == 8);

    mutable std::vector<Entry> m_entries;
    std::string m_names;  // each name followed by '\0'
    mutable bool m_sorted = true;
};

}  // namespace rcvmon::names
