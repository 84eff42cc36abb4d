// SPDX-License-Identifier: GPL-2.0-or-later
#include "follow_request.h"

#include "filter/filter_literals.h"
#include "stats/stat_address.h"

#include <array>
#include <charconv>
#include <vector>
#include <string_view>

namespace rcvmon::cli {
namespace {

bool parseNumber(std::string_view s, std::uint32_t& out)
{
    if (s.empty()) return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && end == s.data() + s.size();
}

// "ADDR:PORT" or "[ADDR]:PORT"; the address as tshark prints it back.
bool parseEndpoint(std::string_view s, StatAddress& address, std::uint32_t& port)
{
    std::string host;
    std::string_view portText;
    if (s.starts_with('[')) {
        const std::size_t close = s.find("]:");
        if (close == std::string_view::npos) return false;
        host = std::string(s.substr(1, close - 1));
        portText = s.substr(close + 2);
        std::array<std::uint8_t, 16> bytes{};
        std::uint32_t prefix = 0;
        std::string why;
        if (!parseIpv6Literal(host, bytes, prefix, why) || prefix != 128) return false;
        address = StatAddress::from(StatAddress::Family::Ipv6, ByteSpan(bytes));
    } else {
        const std::size_t colon = s.find(':');
        if (colon == std::string_view::npos) return false;
        host = std::string(s.substr(0, colon));
        portText = s.substr(colon + 1);
        std::uint32_t v4 = 0, prefix = 0;
        std::string why;
        if (!parseIpv4Literal(host, v4, prefix, why) || prefix != 32) return false;
        const std::array<std::uint8_t, 4> bytes{static_cast<std::uint8_t>(v4 >> 24), static_cast<std::uint8_t>(v4 >> 16),
                                                static_cast<std::uint8_t>(v4 >> 8), static_cast<std::uint8_t>(v4)};
        address = StatAddress::from(StatAddress::Family::Ipv4, ByteSpan(bytes));
    }
    return parseNumber(portText, port) && port > 0 && port <= 65535;
}

std::string addressFilter(std::string_view transport, const StatAddress (&a)[2], const std::uint32_t (&p)[2])
{
    const std::string ip = a[0].family == StatAddress::Family::Ipv6 ? "ipv6" : "ip";
    const std::string t(transport);
    const auto side = [&](int src, int dst) {
        return "((" + ip + ".src eq " + a[src].text() + " and " + t + ".srcport eq " + std::to_string(p[src]) + ") and (" +
               ip + ".dst eq " + a[dst].text() + " and " + t + ".dstport eq " + std::to_string(p[dst]) + "))";
    };
    return side(0, 1) + " or " + side(1, 0);
}

}  // namespace

std::optional<FollowRequest> parseFollowRequest(const std::string& spec, std::string& error)
{
    const auto fail = [&](const std::string& why) -> std::optional<FollowRequest> {
        error = "-z " + spec + ": " + why +
                "; expected follow,tcp|udp|tls|http,ascii|hex|raw|yaml,STREAM|ADDR:PORT,ADDR:PORT[,N|N-M]";
        return std::nullopt;
    };
    std::vector<std::string_view> parts;
    std::string_view rest = spec;
    while (true) {
        const std::size_t comma = rest.find(',');
        parts.push_back(rest.substr(0, comma));
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
    }
    if (parts.size() < 4 || parts[0] != "follow") return fail("incomplete");
    FollowRequest r;
    const auto protocol = followProtocolFromName(parts[1]);
    if (!protocol) return fail("unknown protocol '" + std::string(parts[1]) + "'");
    r.protocol = *protocol;
    const auto format = followFormatFromName(parts[2]);
    if (!format) return fail("invalid display mode '" + std::string(parts[2]) + "'");
    r.format = *format;
    const std::string_view transport = r.protocol == FollowProtocol::Udp ? "udp" : "tcp";

    std::size_t next = 4;
    std::uint32_t stream = 0;
    if (parseNumber(parts[3], stream)) {
        r.filter = std::string(transport) + ".stream eq " + std::to_string(stream);
    } else {
        StatAddress addresses[2];
        std::uint32_t ports[2] = {};
        if (parts.size() < 5 || !parseEndpoint(parts[3], addresses[0], ports[0]) ||
            !parseEndpoint(parts[4], addresses[1], ports[1]))
            return fail("invalid stream index or address");
        if (addresses[0].family != addresses[1].family) return fail("mismatched IP address types");
        r.filter = addressFilter(transport, addresses, ports);
        next = 5;
    }
    if (next < parts.size()) {
        const std::string_view range = parts[next++];
        const std::size_t dash = range.find('-');
        bool ok = dash == std::string_view::npos ? parseNumber(range, r.chunkMin)
                                                 : parseNumber(range.substr(0, dash), r.chunkMin) &&
                                                       parseNumber(range.substr(dash + 1), r.chunkMax);
        if (ok && dash == std::string_view::npos) r.chunkMax = r.chunkMin;
        if (!ok || r.chunkMin < 1 || r.chunkMin > r.chunkMax) return fail("invalid range");
    }
    if (next != parts.size()) return fail("invalid parameter");
    return r;
}

}  // namespace rcvmon::cli
