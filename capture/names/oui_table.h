// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon::names {

// MAC address prefixes and their names: the IEEE registry (MA-L /24, MA-M /28, MA-S /36) as
// Wireshark's manuf file or Debian's ieee-data has it, or Wireshark's well-known addresses
// (wka: any prefix length, /48 for one address). Parsed once into one sorted array of 16-byte
// entries and one string arena, so 50 000 vendors cost about 3 MB and a lookup is a binary
// search.
class OuiTable {
public:
    struct Match {
        std::string_view shortName;  // "Cisco": what the resolved address starts with
        std::string_view longName;   // "Cisco Systems, Inc": the oui_resolved fields
        unsigned bits = 0;           // prefix length
    };

    // Wireshark's manuf / wka text: "00:00:0C<TAB>Cisco<TAB>Cisco Systems, Inc",
    // "00:1B:C5:00:00:00/36<TAB>...", "01-00-5E/25<TAB><TAB>IPv4mcast"; '#' starts a comment.
    // Returns the number of entries taken; lines it cannot read are skipped.
    std::size_t addManufText(std::string_view text);
    // ieee-data's CSV (Registry,Assignment,Organization Name,Organization Address): the short
    // names are made from the organisation names as Wireshark's make-manuf does.
    std::size_t addIeeeCsv(std::string_view text);
    // One entry; `prefix` holds the address bits in its low 48 bits.
    void add(std::uint64_t prefix, unsigned bits, std::string_view shortName, std::string_view longName);

    // Sorts the entries once all are added (find() does it too, but is then not thread-safe).
    void finish() const { sortIfNeeded(); }
    // The entry of exactly `bits` that covers `mac` (48 bits in the low bits).
    std::optional<Match> find(std::uint64_t mac, unsigned bits) const;
    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    std::size_t memoryBytes() const { return m_entries.capacity() * sizeof(Entry) + m_names.capacity(); }

private:
    struct Entry {
        std::uint64_t key;  // (masked prefix << 8) | bits: sorts by prefix, then length
        std::uint32_t nameOffset;
        std::uint16_t shortLength;
        std::uint16_t longLength;
    };
    void sortIfNeeded() const;

    mutable std::vector<Entry> m_entries;
    std::string m_names;
    mutable bool m_sorted = true;
};

// Wireshark's short name for an organisation name (tools/make-manuf.py): punctuation and
// words such as Inc, Corp, Ltd dropped, spaces removed, cut to 8 characters.
std::string shortVendorName(std::string_view organisation);

// "00:1b:c5", "00-1B-C5/36", "001BC5" (the ieee-data assignment) into 48 bits; `bits` is the
// written length ("/36") or 8 per byte given. Nothing for anything else.
std::optional<std::uint64_t> parseMacPrefix(std::string_view text, unsigned& bits);

}  // namespace rcvmon::names
