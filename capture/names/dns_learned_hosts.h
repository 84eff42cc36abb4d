// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "names/ip_address.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rcvmon {
class Dissection;
}

namespace rcvmon::names {

// Host names taken from the A and AAAA records of DNS (and mDNS) answers in the capture, as
// Wireshark's "Use captured DNS packet data for address resolution": the record's owner name
// names its address; a later answer replaces an earlier one. Bounded: past maxEntries the
// oldest half is forgotten.
class DnsLearnedHosts {
public:
    explicit DnsLearnedHosts(std::size_t maxEntries = 1 << 18) : m_maxEntries(maxEntries) {}

    // Takes every A/AAAA record of a dissected frame; true when a name was added or changed.
    bool learn(const Dissection& dissection);
    bool add(const IpAddress& address, std::string_view name);
    // Empty when the capture named no such address.
    std::string_view find(const IpAddress& address) const;
    std::size_t size() const { return m_names.size(); }
    void clear();
    // Every learned address with its name, in the order learned.
    std::vector<std::pair<IpAddress, std::string>> entries() const;
    // Moves whenever a name is added or changed, so cached text can tell it is stale.
    std::uint64_t generation() const { return m_generation; }

private:
    struct Named {
        std::string name;
        std::uint64_t order;
    };
    std::unordered_map<IpAddress, Named, IpAddressHash> m_names;
    std::size_t m_maxEntries;
    std::uint64_t m_next = 0;
    std::uint64_t m_generation = 0;
};

}  // namespace rcvmon::names
