// SPDX-License-Identifier: GPL-2.0-or-later
// Nortel Discovery Protocol (SynOptics/Bay Networks topology hellos, as packet-ndp.c reads
// them) in 802.2 SNAP frames with OUI 00:00:81: the sender's address, segment, chassis and
// backplane. Info names the hello as packet-ndp.c does.
#include "dissect/protocols/tail/ndp.h"

#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct NdpFields {
    FieldId ipAddress, segment, chassis, backplane, state, links;
} hf;

constexpr ValueName kBackplanes[] = {{1, "Other"},
                                     {2, "Ethernet"},
                                     {3, "Ethernet and Tokenring"},
                                     {4, "Ethernet and FDDI"},
                                     {5, "Ethernet, Tokenring and FDDI"},
                                     {6, "Ethernet and Tokenring with redundant power"},
                                     {7, "Ethernet, Tokenring, FDDI with redundant power"},
                                     {8, "Token Ring"},
                                     {9, "Ethernet, Tokenring and Fast Ethernet"},
                                     {10, "Ethernet and Fast Ethernet"},
                                     {11, "Ethernet, Tokenring, Fast Ethernet with redundant power"},
                                     {12, "Ethernet, Fast Ethernet and Gigabit Ethernet"}};
constexpr ValueName kStates[] = {{1, "Topology Change"}, {2, "Heartbeat"}, {3, "New"}};

// packet-ndp.c names the hello by the last byte of the link destination (the multicast
// address 01:00:81:00:01:00 or …:01 the hello was sent to), not by the SNAP id.
void writeInfo(const LayerView& l, std::string& out)
{
    const Dissection& d = l.dissection();
    const FieldRecord* dst = nullptr;
    for (const FieldRecord& f : d.fields())
        if (f.id == field::EthDst && f.layer < l.layer()) dst = &f;
    const ByteSpan mac = dst ? d.valueBytes(*dst) : ByteSpan{};
    if (mac.size() == 6 && mac[5] == 0) out += "Segment ";
    if (mac.size() == 6 && mac[5] == 1) out += "FlatNet ";
    out += "Hello";
}

}  // namespace

void dissectNdp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "NDP", "ndp", p.data, p.at, p.reported);
    ctx.setProtocol("NDP");
    ctx.setInfo(writeInfo, c.layer());
    c.bytes(4, hf.ipAddress);
    c.u24(hf.segment);
    c.u8(hf.chassis);
    c.u8(hf.backplane);
    c.u8(hf.state);
    c.u8(hf.links);
}

void registerNdp(ProtocolRegistrar& r)
{
    r.protocol("ndp");
    hf.ipAddress = r.field({"ndp.ipaddress", "IP address", FieldKind::Ipv4});
    hf.segment = r.field({"ndp.segmentident", "Segment Identifier", FieldKind::Hex, 24});
    hf.chassis = r.field({"ndp.chassis", "Chassis type", FieldKind::Unsigned, 8});
    hf.backplane = r.field({"ndp.backplane", "Backplane type", FieldKind::Unsigned, 8, kBackplanes});
    hf.state = r.field({"ndp.state", "State", FieldKind::Unsigned, 8, kStates});
    hf.links = r.field({"ndp.numberoflinks", "Number of links", FieldKind::Unsigned, 8});
}

}  // namespace rcvmon
