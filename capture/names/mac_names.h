// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "names/oui_table.h"

#include "core/bytes.h"

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rcvmon::names {

// Where MAC names come from: Wireshark's manuf and wka files when installed, else Debian's
// ieee-data registry (and a few well-known addresses built in).
struct MacNameSources {
    std::vector<std::string> manufFiles;  // Wireshark manuf format
    std::vector<std::string> wkaFiles;    // Wireshark wka format
    std::vector<std::string> ieeeCsvFiles;  // ieee-data oui.csv, mam.csv, oui36.csv, iab.csv
    // The installed files this platform has (RCVMON_MANUF overrides the manuf path).
    static MacNameSources system();
};

// MAC addresses as Wireshark shows them resolved: "Broadcast", "IPv4mcast_7f:ff:fa",
// "Dell_d3:77:26", or the plain address when nothing matches. The tables are read on first
// use, so a window or a run that never shows a MAC reads no file. Thread-safe.
class MacNames {
public:
    explicit MacNames(MacNameSources sources = MacNameSources::system());

    // 6 bytes; anything else gives the bytes as text.
    std::string resolve(ByteSpan mac) const;
    // The vendor's full name for the address's 24-bit OUI ("Dell Inc."), when registered.
    std::optional<std::string> ouiName(ByteSpan mac) const;
    // Entries loaded (loads the tables); for the Resolved Addresses dialog and tests.
    std::size_t vendorCount() const;
    std::size_t wellKnownCount() const;
    std::string sourceDescription() const;
    // The addresses resolved so far that got a name (address text, name), sorted.
    std::vector<std::pair<std::string, std::string>> resolvedSoFar() const;

private:
    void load() const;

    MacNameSources m_sources;
    mutable std::once_flag m_loaded;
    mutable OuiTable m_vendors;
    mutable OuiTable m_wellKnown;
    mutable std::string m_description;
    mutable std::mutex m_cacheMutex;
    mutable std::unordered_map<std::uint64_t, std::string> m_cache;
};

}  // namespace rcvmon::names
