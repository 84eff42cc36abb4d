// SPDX-License-Identifier: GPL-2.0-or-later
#include "names/ip_address.h"

#include "dissect/field_format.h"

#include <algorithm>

namespace rcvmon::names {

std::optional<IpAddress> IpAddress::fromBytes(ByteSpan bytes)
{
    if (bytes.size() != 4 && bytes.size() != 16) return std::nullopt;
    IpAddress a;
    a.family = bytes.size() == 4 ? 4 : 6;
    std::copy(bytes.begin(), bytes.end(), a.bytes.begin());
    return a;
}

std::string IpAddress::text() const
{
    std::string out;
    if (family == 4) appendIpv4(out, span());
    else appendIpv6(out, span());
    return out;
}

std::size_t IpAddressHash::operator()(const IpAddress& a) const noexcept
{
    // FNV-1a over the family and the bytes in use.
    std::uint64_t h = 1469598103934665603ull ^ a.family;
    for (const std::uint8_t b : a.span()) h = (h ^ b) * 1099511628211ull;
    return static_cast<std::size_t>(h);
}

}  // namespace rcvmon::names
