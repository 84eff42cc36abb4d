// SPDX-License-Identifier: GPL-2.0-or-later
// Application protocols recognised by well-known port (IANA service names), tried lower
// port first as Wireshark's UDP and TCP dissectors do. Most are only named for the Protocol
// column; DNS, mDNS and LLMNR are dissected, Teredo (RFC 4380) carries IPv6 on.
#include "dissect/expected_conversations.h"
#include "dissect/port_protocols.h"
#include "dissect/protocols/context.h"

#include <algorithm>
#include <string_view>

namespace rcvmon {
namespace {

enum class Handler : std::uint8_t { Name, Teredo, Nbdgm };

struct PortEntry {
    std::uint16_t port;
    Transport transport;
    Handler handler;
    std::string_view name;    // Wireshark's Protocol column name
    std::string_view filter;  // Wireshark's filter name, for frame.protocols
};

constexpr PortEntry kPorts[] = {
    {138, Transport::Udp, Handler::Nbdgm, "BROWSER", "nbdgm"},
    {3544, Transport::Udp, Handler::Teredo, "Teredo", "teredo"},
    {7989, Transport::Udp, Handler::Name, "ADwin Config", "adwin_config"},
    {23, Transport::Tcp, Handler::Name, "TELNET", "telnet"},
};

void dissectTeredo(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Teredo", "teredo", p.data, p.at, p.reported);
    ctx.setProtocol("Teredo");
    // Optional authentication (type 1) and origin indication (type 0) headers precede IPv6.
    for (int guard = 0; guard < 2 && c.ok(); ++guard) {
        if (c.peek() != 0 || c.remaining() < 2) break;
        const std::uint8_t type = c.peek(1);
        if (type == 1) {
            c.u16();
            const std::uint8_t idLen = c.u8();
            const std::uint8_t authLen = c.u8();
            c.skip(std::size_t{idLen} + authLen + 9);
        } else if (type == 0) {
            c.skip(8);
        } else {
            break;
        }
    }
    if (!c.ok()) return;
    c.setLength(c.pos());
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (!next.data.empty() && (next.data[0] >> 4) == 6) dissectIpv6(ctx, next);
}

bool handle(DissectContext& ctx, const PortEntry& e, const Payload& p)
{
    switch (e.handler) {
    case Handler::Teredo: dissectTeredo(ctx, p); return true;
    case Handler::Nbdgm: dissectNbdgm(ctx, p); return true;
    case Handler::Name: ctx.setProtocol(e.name); break;
    }
    // Named only: the transport's Info text stays, as for a payload Wireshark cannot decode.
    ctx.out.addLayer(e.name, e.filter, p.at, static_cast<std::uint32_t>(p.data.size()), ctx.inReassembled);
    return true;
}

// A registered protocol's dissector for the port, if one takes the payload.
bool tryRegistered(DissectContext& ctx, Transport transport, std::uint16_t port, const Payload& p)
{
    const ProtocolTables& tables = protocolTables();
    for (const DispatchEntry& e : ProtocolTables::find(transport == Transport::Udp ? tables.udpPorts : tables.tcpPorts, port))
        if (e.dissector(ctx, p)) return true;
    return false;
}

bool tryHeuristics(DissectContext& ctx, Transport transport, const Payload& p)
{
    const ProtocolTables& tables = protocolTables();
    for (const DispatchEntry& e : transport == Transport::Udp ? tables.udpHeuristics : tables.tcpHeuristics)
        if (e.dissector(ctx, p)) return true;
    return false;
}

// A connection another protocol announced (FTP data, SDP's RTP and RTCP), as Wireshark's
// try_conversation_dissector; false when none did or its dissector declines.
bool dissectExpectedConversation(DissectContext& ctx, Transport transport, std::uint16_t srcPort,
                                 std::uint16_t dstPort, const Payload& p)
{
    // Nothing announced (most captures): one test per packet.
    if (!ctx.expected || ctx.expected->empty() || ctx.net.family == 0) return false;
    ExpectedConversation* e =
        ctx.expected->find(transport == Transport::Udp, ctx.net.family, ctx.net.src, srcPort, ctx.net.dst, dstPort);
    if (!e || !e->dissector) return false;
    ctx.announced = e;
    const bool taken = e->dissector(ctx, p);
    ctx.announced = nullptr;
    return taken;
}

const PortEntry* lookup(Transport transport, std::uint16_t port)
{
    for (const PortEntry& e : kPorts)
        if (e.port == port && e.transport == transport) return &e;
    return nullptr;
}

}  // namespace

std::string_view udpPortProtocol(std::uint16_t srcPort, std::uint16_t dstPort)
{
    const std::uint16_t low = std::min(srcPort, dstPort), high = std::max(srcPort, dstPort);
    for (const std::uint16_t port : {low, high}) {
        const auto registered = ProtocolTables::find(protocolTables().udpPorts, port);
        if (!registered.empty()) return registered.front().filterName;
        if (const PortEntry* e = lookup(Transport::Udp, port)) return e->filter;
    }
    return {};
}

// Wireshark's order: the server port when TCP saw the handshake, the lower port, then the
// higher one, then the heuristic dissectors.
bool dissectByPort(DissectContext& ctx, Transport transport, std::uint16_t srcPort, std::uint16_t dstPort,
                   const Payload& p, std::uint16_t serverPort)
{
    // A conversation's own dissector comes first, as Wireshark's try_conversation_dissector.
    if (dissectExpectedConversation(ctx, transport, srcPort, dstPort, p)) return true;
    const std::uint16_t low = std::min(srcPort, dstPort), high = std::max(srcPort, dstPort);
    for (const std::uint16_t port : {serverPort, low, high}) {
        if (port == 0) continue;
        if (tryRegistered(ctx, transport, port, p)) return true;
        if (const PortEntry* e = lookup(transport, port)) return handle(ctx, *e, p);
    }
    return tryHeuristics(ctx, transport, p);
}

}  // namespace rcvmon
