// SPDX-License-Identifier: GPL-2.0-or-later
#include "names/mac_names.h"

#include "names/text_file.h"

#include "dissect/field_format.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace rcvmon::names {
namespace {

// Used only when no wka file is installed: the addresses every capture shows.
constexpr std::string_view kBuiltInWellKnown =
    "FF-FF-FF-FF-FF-FF\tBroadcast\n"
    "01-00-5E/25\tIPv4mcast\n"
    "33-33-00-00-00-00\tIPv6-Neighbor-Discovery\n"
    "33-33-00-00-00-00/16\tIPv6mcast\n"
    "01-80-C2-00-00-00\tSpanning-tree-(for-bridges)_00\n";

constexpr std::size_t kCacheLimit = 1 << 16;

std::uint64_t macValue(ByteSpan mac)
{
    std::uint64_t v = 0;
    for (const std::uint8_t b : mac) v = v << 8 | b;
    return v;
}

void appendHexByte(std::string& out, unsigned value)
{
    char text[3];
    std::snprintf(text, sizeof text, "%02x", value & 0xffu);
    out += text;
}

// The address bytes a prefix of `bits` leaves, after "_": Wireshark 4.0 writes the bytes from
// the one the prefix ends in, without leading zero bytes ("IPv4mcast_07", "IPv6mcast_01:00:02").
std::string wellKnownSuffix(ByteSpan mac, unsigned bits)
{
    std::size_t first = bits / 8;
    std::uint8_t firstByte = static_cast<std::uint8_t>(mac[first] & (0xffu >> (bits % 8)));
    while (first + 1 < mac.size() && firstByte == 0) firstByte = mac[++first];
    std::string out;
    appendHexByte(out, firstByte);
    for (std::size_t i = first + 1; i < mac.size(); ++i) {
        out += ':';
        appendHexByte(out, mac[i]);
    }
    return out;
}

}  // namespace

MacNameSources MacNameSources::system()
{
    MacNameSources s;
#ifdef _WIN32
    const std::string wiresharkDir = "C:/Program Files/Wireshark/";
#else
    const std::string wiresharkDir = "/usr/share/wireshark/";
#endif
    if (const char* manuf = std::getenv("RCVMON_MANUF"); manuf && *manuf) s.manufFiles.push_back(manuf);
    else s.manufFiles.push_back(wiresharkDir + "manuf");
    s.wkaFiles.push_back(wiresharkDir + "wka");
    for (const char* name : {"oui.csv", "mam.csv", "oui36.csv", "iab.csv"})
        s.ieeeCsvFiles.push_back(std::string("/usr/share/ieee-data/") + name);
    return s;
}

MacNames::MacNames(MacNameSources sources) : m_sources(std::move(sources)) {}

void MacNames::load() const
{
    std::call_once(m_loaded, [this] {
        for (const std::string& path : m_sources.manufFiles)
            if (auto text = readTextFile(path); text && m_vendors.addManufText(*text) > 0) m_description += path + " ";
        // The IEEE registry only when no manuf file gave names: manuf already holds it.
        if (m_vendors.empty())
            for (const std::string& path : m_sources.ieeeCsvFiles)
                if (auto text = readTextFile(path); text && m_vendors.addIeeeCsv(*text) > 0) m_description += path + " ";
        for (const std::string& path : m_sources.wkaFiles)
            if (auto text = readTextFile(path); text && m_wellKnown.addManufText(*text) > 0) m_description += path + " ";
        if (m_wellKnown.empty()) m_wellKnown.addManufText(kBuiltInWellKnown);
        m_vendors.finish();
        m_wellKnown.finish();
        if (!m_description.empty()) m_description.pop_back();
    });
}

std::string MacNames::resolve(ByteSpan mac) const
{
    std::string plain;
    appendMac(plain, mac);
    if (mac.size() != 6) return plain;
    const std::uint64_t value = macValue(mac);
    {
        std::lock_guard lock(m_cacheMutex);
        if (auto it = m_cache.find(value); it != m_cache.end()) return it->second;
    }
    load();
    // Wireshark's order: a whole well-known address, then well-known ranges smaller than a
    // vendor block, then the vendors (longest block first), then the larger well-known ranges.
    std::string name;
    auto wellKnown = [&](unsigned from, unsigned to) {
        for (unsigned bits = from; bits >= to && bits > 0; --bits)
            if (auto m = m_wellKnown.find(value, bits)) {
                name = std::string(m->shortName) + "_" + wellKnownSuffix(mac, bits);
                return true;
            }
        return false;
    };
    if (auto exact = m_wellKnown.find(value, 48)) {
        name = exact->shortName;
    } else if (!wellKnown(47, 24)) {
        for (const unsigned bits : {36u, 28u, 24u}) {
            if (auto m = m_vendors.find(value, bits)) {
                name = std::string(m->shortName) + "_";
                appendMac(name, mac.subspan(3));
                break;
            }
        }
        if (name.empty() && !wellKnown(23, 1)) name = plain;
    }
    std::lock_guard lock(m_cacheMutex);
    if (m_cache.size() >= kCacheLimit) m_cache.clear();  // bounded, whatever the capture holds
    return m_cache.emplace(value, std::move(name)).first->second;
}

std::optional<std::string> MacNames::ouiName(ByteSpan mac) const
{
    if (mac.size() < 3) return std::nullopt;
    load();
    const std::uint64_t value = std::uint64_t(mac[0]) << 40 | std::uint64_t(mac[1]) << 32 | std::uint64_t(mac[2]) << 24;
    if (auto m = m_vendors.find(value, 24)) return std::string(m->longName);
    return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> MacNames::resolvedSoFar() const
{
    std::vector<std::pair<std::string, std::string>> out;
    std::lock_guard lock(m_cacheMutex);
    for (const auto& [value, name] : m_cache) {
        std::uint8_t bytes[6];
        for (int i = 0; i < 6; ++i) bytes[i] = static_cast<std::uint8_t>(value >> (40 - 8 * i));
        std::string address;
        appendMac(address, ByteSpan(bytes, 6));
        if (address != name) out.emplace_back(std::move(address), name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t MacNames::vendorCount() const
{
    load();
    return m_vendors.size();
}

std::size_t MacNames::wellKnownCount() const
{
    load();
    return m_wellKnown.size();
}

std::string MacNames::sourceDescription() const
{
    load();
    return m_description.empty() ? std::string("built-in well-known addresses") : m_description;
}

}  // namespace rcvmon::names
