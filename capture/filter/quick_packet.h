// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"
#include "core/frame.h"
#include "dissect/field_registry.h"

#include <cstdint>
#include <string_view>

namespace rcvmon {

// One occurrence of a field's value, as the filter compares it: numbers in `number`
// (time: seconds, with nanoseconds in `aux`), addresses, bytes and text in `bytes`.
struct FieldValue {
    std::uint64_t number = 0;
    std::uint32_t aux = 0;
    ByteSpan bytes;
};

// What a light header pass learns about a frame without dissecting it: where the
// Ethernet, VLAN, IP and transport headers are. For a "simple" frame — complete
// (not cut by the snap length), Ethernet or raw IP, no fragment, no tunnel, no IPv6
// extension header, no ICMP error quoting another packet, TCP/UDP/ICMP/ICMPv6/ARP or an
// unknown EtherType; a TCP or UDP header the IP length cuts off counts, with the ports
// read before the cut — every field quickKnowsField() names and every protocol
// quickKnowsProtocol() names is exactly what the Dissector records, whatever its state.
// Frame metadata (frame.number, frame.len...) is known for every frame.
struct QuickPacket {
    const FrameRef* frame = nullptr;
    std::uint64_t number = 0;
    ByteSpan data;              // the captured bytes
    bool simple = false;
    std::uint16_t protocols = 0;  // QuickProtocol bits
    std::uint8_t vlanCount = 0;
    std::uint16_t vlanOffset[3] = {};
    std::uint16_t netOffset = 0;        // IPv4 or IPv6 header
    std::uint16_t transportOffset = 0;  // TCP, UDP, ICMP or ICMPv6 header
    std::uint16_t transportLength = 0;  // bytes the IP header declares for it
};

struct QuickProtocol {
    static constexpr std::uint16_t Eth = 1u << 0, Vlan = 1u << 1, Ip = 1u << 2, Ipv6 = 1u << 3, Tcp = 1u << 4,
                                   Udp = 1u << 5, Icmp = 1u << 6, Icmpv6 = 1u << 7, Arp = 1u << 8,
                                   // The DNS family over UDP, chosen by port as the dissector does.
                                   Dns = 1u << 9, Mdns = 1u << 10, Llmnr = 1u << 11;
};

// Fills q for one frame; never allocates. Returns q.simple.
bool parseQuickPacket(const FrameRef& frame, std::uint64_t number, QuickPacket& q);
// Fills only the metadata part (no header is read): enough for frame.* tests.
void quickPacketMetadata(const FrameRef& frame, std::uint64_t number, QuickPacket& q);

bool quickKnowsField(FieldId id);
// Frame metadata fields: known even for frames that are not simple.
bool quickKnowsFieldAlways(FieldId id);
// The QuickProtocol bit for a protocol filter name ("frame" is always present: its bit is
// 0 and quickHasProtocol says so); false when the quick pass cannot tell.
bool quickKnowsProtocol(std::string_view name, std::uint16_t& bit);
// Writes the occurrences of a known field into out (at most 3) and returns how many.
int quickFieldValues(const QuickPacket& q, FieldId id, FieldValue* out);

}  // namespace rcvmon
