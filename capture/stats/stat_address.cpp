// SPDX-License-Identifier: GPL-2.0-or-later
#include "stats/stat_address.h"

#include "dissect/field_format.h"

#include <algorithm>

namespace rcvmon {

StatAddress StatAddress::from(Family family, ByteSpan value)
{
    const std::size_t expected = family == Family::Mac ? 6 : family == Family::Ipv4 ? 4 : family == Family::Ipv6 ? 16 : 0;
    StatAddress a;
    if (expected == 0 || value.size() != expected) return a;
    a.family = family;
    a.length = static_cast<std::uint8_t>(expected);
    std::copy(value.begin(), value.end(), a.bytes.begin());
    return a;
}

void StatAddress::appendText(std::string& out) const
{
    switch (family) {
    case Family::Mac: appendMac(out, view()); break;
    case Family::Ipv4: appendIpv4(out, view()); break;
    case Family::Ipv6: appendIpv6(out, view()); break;
    case Family::None: break;
    }
}

std::string StatAddress::text() const
{
    std::string out;
    appendText(out);
    return out;
}

std::size_t StatAddress::hash() const
{
    std::size_t h = mixHash(1469598103934665603ull, static_cast<std::uint64_t>(family));
    std::uint64_t word = 0;
    for (std::size_t i = 0; i < length; ++i) {
        word = (word << 8) | bytes[i];
        if (i % 8 == 7 || i + 1 == length) {
            h = mixHash(h, word);
            word = 0;
        }
    }
    return h;
}

}  // namespace rcvmon
