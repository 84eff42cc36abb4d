// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/linux/proc_net_parser.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace rcvmon {
namespace {

template <typename Number>
bool parseNumber(std::string_view text, Number& value, int base)
{
    if (text.empty()) return false;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    return error == std::errc{} && end == text.data() + text.size();
}

// Splits off the next whitespace-separated field.
std::string_view nextField(std::string_view& rest)
{
    const std::size_t start = rest.find_first_not_of(" \t");
    if (start == std::string_view::npos) {
        rest = {};
        return {};
    }
    rest.remove_prefix(start);
    const std::size_t end = std::min(rest.find_first_of(" \t"), rest.size());
    const std::string_view field = rest.substr(0, end);
    rest.remove_prefix(end);
    return field;
}

// "0100007F:0277" (IPv4) or 32 hex digits and a port (IPv6).
bool parseEndpoint(std::string_view text, FlowFamily family, FlowEndpoint& endpoint)
{
    const std::size_t words = family == FlowFamily::Ipv4 ? 1 : 4;
    const std::size_t colon = text.find(':');
    if (colon != words * 8 || text.size() != colon + 5) return false;
    for (std::size_t i = 0; i < words; ++i) {
        std::uint32_t word = 0;
        if (!parseNumber(text.substr(i * 8, 8), word, 16)) return false;
        // The kernel printed the word as the host sees it: its memory bytes are the address bytes.
        std::memcpy(endpoint.address.data() + i * 4, &word, sizeof word);
    }
    return parseNumber(text.substr(colon + 1), endpoint.port, 16);
}

}  // namespace

SocketState socketStateFromProc(FlowTransport transport, unsigned state)
{
    if (transport == FlowTransport::Udp) return state == 1 ? SocketState::Connected : SocketState::Unconnected;
    switch (state) {
    case 1: return SocketState::Established;
    case 2: return SocketState::SynSent;
    case 3:   // SYN_RECV
    case 12:  // NEW_SYN_RECV: request sockets
        return SocketState::SynReceived;
    case 4:   // FIN_WAIT1
    case 5:   // FIN_WAIT2
    case 8:   // CLOSE_WAIT
    case 9:   // LAST_ACK
    case 11:  // CLOSING
        return SocketState::Closing;
    case 6: return SocketState::TimeWait;
    case 10: return SocketState::Listen;
    default: return SocketState::Closed;
    }
}

std::optional<OwnedSocket> parseProcNetLine(std::string_view line, FlowTransport transport, FlowFamily family)
{
    std::string_view rest = line;
    const std::string_view slot = nextField(rest);
    if (slot.size() < 2 || slot.back() != ':') return std::nullopt;  // the header starts with "sl"
    OwnedSocket socket;
    socket.transport = transport;
    socket.family = family;
    unsigned state = 0;
    if (!parseEndpoint(nextField(rest), family, socket.local)) return std::nullopt;
    if (!parseEndpoint(nextField(rest), family, socket.remote)) return std::nullopt;
    if (!parseNumber(nextField(rest), state, 16)) return std::nullopt;
    socket.state = socketStateFromProc(transport, state);
    for (int skipped = 0; skipped < 5; ++skipped)  // queues, timer, retransmits, uid, timeout
        if (nextField(rest).empty()) return std::nullopt;
    if (!parseNumber(nextField(rest), socket.holder, 10)) return std::nullopt;
    return socket;
}

std::vector<OwnedSocket> parseProcNetTable(std::string_view text, FlowTransport transport, FlowFamily family,
                                           std::size_t* malformedLines)
{
    std::vector<OwnedSocket> sockets;
    std::size_t malformed = 0;
    bool header = true;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        if (header) {
            header = false;
            if (line.find("local_address") != std::string_view::npos) continue;
        }
        if (auto socket = parseProcNetLine(line, transport, family)) {
            sockets.push_back(*socket);
        } else {
            ++malformed;
        }
    }
    if (malformedLines != nullptr) *malformedLines = malformed;
    return sockets;
}

std::optional<std::uint64_t> parseSocketLink(std::string_view target)
{
    constexpr std::string_view prefix = "socket:[";
    if (target.size() <= prefix.size() + 1 || target.substr(0, prefix.size()) != prefix || target.back() != ']')
        return std::nullopt;
    std::uint64_t inode = 0;
    if (!parseNumber(target.substr(prefix.size(), target.size() - prefix.size() - 1), inode, 10)) return std::nullopt;
    return inode;
}

}  // namespace rcvmon
