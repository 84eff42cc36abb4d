// SPDX-License-Identifier: GPL-2.0-or-later
// IEEE 802.11 MAC frames (IEEE Std 802.11-2020 clause 9.2-9.3) without FCS, as Wireshark's
// wlan_withoutfcs shows them: frame control, duration, the addresses by DS status, sequence
// control, QoS and HT control; data frames hand their body to LLC (RFC 1042 SNAP), management
// frames name their beacon interval and SSID. Reached from Aruba's GRE tunnels (gre.cpp).
#include "dissect/protocols/wlan/wlan.h"

#include "dissect/field_format.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct WlanFields {
    FieldId typeSubtype, fc, version, type, subtype, flags, ds, toDs, fromDs, moreFrag, retry, pwrMgt, moreData,
        protectedFlag, order, duration, ra, ta, da, sa, bssid, staa, addr, frag, seq, qos, qosTid, qosPriority,
        qosBit4, qosEosp, qosAck, qosAmsdu, qosTxopDurReq, qosTxopLimit, htc, timestamp, beacon, capabilities,
        tagNumber, tagLength, ssid, fcs;
} hf;

// packet-ieee80211.c's frame_type_subtype_vals (type << 4 | subtype).
constexpr ValueName kTypeSubtypes[] = {
    {0x00, "Association Request"}, {0x01, "Association Response"}, {0x02, "Reassociation Request"},
    {0x03, "Reassociation Response"}, {0x04, "Probe Request"}, {0x05, "Probe Response"},
    {0x06, "Measurement Pilot"}, {0x08, "Beacon frame"}, {0x09, "ATIM"}, {0x0a, "Disassociate"},
    {0x0b, "Authentication"}, {0x0c, "Deauthentication"}, {0x0d, "Action"}, {0x0e, "Action No Ack"},
    {0x0f, "Aruba Management"}, {0x12, "Trigger Basic"}, {0x14, "Beamforming Report Poll"},
    {0x15, "VHT/HE NDP Announcement"}, {0x17, "Control Wrapper"}, {0x18, "802.11 Block Ack Req"},
    {0x19, "802.11 Block Ack"}, {0x1a, "Power-Save poll"}, {0x1b, "Request-to-send"}, {0x1c, "Clear-to-send"},
    {0x1d, "Acknowledgement"}, {0x1e, "CF-End (Control-frame)"}, {0x1f, "CF-End + CF-Ack (Control-frame)"},
    {0x20, "Data"}, {0x21, "Data + CF-Ack"}, {0x22, "Data + CF-Poll"}, {0x23, "Data + CF-Ack + CF-Poll"},
    {0x24, "Null function (No data)"}, {0x25, "Acknowledgement (No data)"}, {0x26, "CF-Poll (No data)"},
    {0x27, "CF-Ack/Poll (No data)"}, {0x28, "QoS Data"}, {0x29, "QoS Data + CF-Acknowledgment"},
    {0x2a, "QoS Data + CF-Poll"}, {0x2b, "QoS Data + CF-Ack + CF-Poll"}, {0x2c, "QoS Null function (No data)"},
    {0x2e, "QoS CF-Poll (No Data)"}, {0x2f, "QoS CF-Ack + CF-Poll (No data)"}, {0x30, "DMG Beacon"},
    {0x31, "S1G Beacon"},
};
constexpr ValueName kTypes[] = {
    {0, "Management frame"}, {1, "Control frame"}, {2, "Data frame"}, {3, "Extension frame"}};
constexpr ValueName kDs[] = {
    {0, "Not leaving DS or network is operating in AD-HOC mode (To DS: 0 From DS: 0)"},
    {1, "Frame from STA to DS via an AP (To DS: 1 From DS: 0)"},
    {2, "Frame from DS to a STA via AP(To DS: 0 From DS: 1)"},
    {3, "WDS (AP to AP) or Mesh (MP to MP) Frame (To DS: 1 From DS: 1)"},
};
constexpr ValueName kPriorities[] = {
    {0, "Best Effort"}, {1, "Background"}, {2, "Spare"}, {3, "Excellent Effort"},
    {4, "Controlled Load"}, {5, "Video"}, {6, "Voice"}, {7, "Network Control"},
};
constexpr ValueName kAckPolicies[] = {
    {0, "Normal Ack"}, {1, "No Ack"}, {2, "No explicit acknowledgment"}, {3, "Block Ack"}};

constexpr unsigned kMgmt = 0, kControl = 1, kData = 2;

void writeName(const LayerView& l, std::string& out)
{
    const std::string_view name = valueName(kTypeSubtypes, l.number(hf.typeSubtype));
    out += name.empty() ? std::string_view("Unrecognized (Reserved frame)") : name;
}

// "SN=5, FN=0, Flags=.p.....T" once the header is complete; control frames have no sequence.
void writeSequenceAndFlags(const LayerView& l, std::string& out)
{
    if (l.has(hf.seq)) {
        out += "SN=";
        appendDecimal(out, l.number(hf.seq));
        out += ", FN=";
        appendDecimal(out, l.number(hf.frag));
        out += ", ";
    }
    out += "Flags=";
    const auto flags = static_cast<unsigned>(l.number(hf.flags));
    constexpr char kLetters[] = "opmPRMFT";  // order, protected, more data, power mgt, retry, more frags, from/to DS
    for (unsigned i = 0; i < 8; ++i) out += (flags & (0x80u >> i)) ? kLetters[i] : '.';
    // A frame that ends in an FCS gets a ninth letter (the flags field's aux says so).
    if (const FieldRecord* f = l.field(hf.flags); f && f->aux) out += 'C';
}

void writeBeaconInterval(const LayerView& l, std::string& out)
{
    out += "BI=";
    appendDecimal(out, l.number(hf.beacon));
}

void writeSsid(const LayerView& l, std::string& out)
{
    const FieldRecord* f = l.field(hf.ssid);
    if (!f || f->valueLength == 0) {
        out += "SSID=Wildcard (Broadcast)";
        return;
    }
    out += "SSID=\"";
    const std::string_view ssid = l.text(hf.ssid);
    for (const char ch : ssid) {
        const auto b = static_cast<unsigned char>(ch);
        if (b >= 0x20 && b < 0x7f) {
            out += ch;
        } else {
            constexpr char kHex[] = "0123456789abcdef";
            out += "\\x";
            out += kHex[b >> 4];
            out += kHex[b & 0xf];
        }
    }
    out += '"';
}

void writeFragmented(const LayerView&, std::string& out) { out += "Fragmented IEEE 802.11 frame"; }

void address(LayerCursor& c, std::size_t at, FieldId role)
{
    const ByteSpan bytes = c.data().subspan(at, 6);
    c.ctx().out.addBytesField(role, c.layer(), c.absolute(at), bytes);
}

// The addresses of a data frame by its DS bits (IEEE 802.11 table 9-30), in Wireshark's
// item order; wlan.addr once per address position.
void dataAddresses(LayerCursor& c, unsigned ds, std::size_t a4)
{
    constexpr std::size_t a1 = 4, a2 = 10, a3 = 16;
    address(c, a1, hf.ra);
    address(c, a1, hf.addr);
    address(c, a2, hf.ta);
    address(c, a2, hf.addr);
    switch (ds) {
    case 0:
        address(c, a1, hf.da), address(c, a2, hf.sa), address(c, a3, hf.bssid), address(c, a3, hf.addr);
        break;
    case 1:
        address(c, a3, hf.da), address(c, a2, hf.sa), address(c, a1, hf.bssid), address(c, a2, hf.staa);
        address(c, a3, hf.addr);
        break;
    case 2:
        address(c, a1, hf.da), address(c, a3, hf.sa), address(c, a2, hf.bssid), address(c, a1, hf.staa);
        address(c, a3, hf.addr);
        break;
    default:
        address(c, a3, hf.da), address(c, a4, hf.sa), address(c, a4, hf.addr), address(c, a3, hf.addr);
        break;
    }
}

void sequenceControl(LayerCursor& c)
{
    const std::size_t at = c.pos();
    const std::uint16_t sc = c.u16le();
    if (!c.ok()) return;
    c.add(hf.frag, at, 2, sc & 0xf);
    c.add(hf.seq, at, 2, sc >> 4);
}

// Fixed parameters before the tagged ones, by management subtype (IEEE 802.11 9.3.3).
std::size_t fixedLength(unsigned subtype)
{
    switch (subtype) {
    case 0: return 4;            // capability, listen interval
    case 1: case 3: return 6;    // capability, status, AID
    case 2: return 10;           // capability, listen interval, current AP
    case 5: case 8: return 12;   // timestamp, beacon interval, capability
    case 10: case 12: return 2;  // reason code
    case 11: return 6;           // algorithm, sequence, status
    default: return 0;
    }
}

void dissectManagementBody(DissectContext& ctx, LayerCursor& c, unsigned subtype)
{
    // ATIM has no body; Action frames' fields are not dissected here.
    if (subtype == 9 || subtype == 13 || subtype == 14 || subtype == 15 || subtype == 7) return;
    const std::size_t fixedAt = c.pos();
    if (subtype == 5 || subtype == 8) {
        const std::uint32_t lo = c.u32(), hi = c.u32();
        const std::uint16_t interval = c.u16le();
        c.u16le(hf.capabilities);
        if (!c.ok()) return;
        auto swap32 = [](std::uint32_t v) { return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24); };
        c.add(hf.timestamp, fixedAt, 8, (std::uint64_t{swap32(hi)} << 32) | swap32(lo));
        c.add(hf.beacon, fixedAt + 8, 2, interval);
        ctx.appendInfo(writeBeaconInterval, c.layer());
    } else if (!c.skip(fixedLength(subtype))) {
        return;
    }
    // Tagged parameters: only the SSID element is named (Info's SSID=).
    for (int guard = 0; guard < 256 && c.remaining() >= 2; ++guard) {
        const std::size_t at = c.pos();
        const std::uint8_t number = c.u8();
        const std::uint8_t length = c.u8();
        if (!c.need(length)) return;
        if (number == 0) {
            c.add(hf.tagNumber, at, 1, number);
            c.add(hf.tagLength, at + 1, 1, length);
            c.bytes(length, hf.ssid);
            ctx.appendInfo(writeSsid, c.layer());
            return;
        }
        c.skip(length);
    }
}

void dissectDataBody(DissectContext& ctx, LayerCursor& c, unsigned subtype, std::uint8_t flags, bool amsdu)
{
    if (subtype & 0x4) return;  // the "(No data)" subtypes
    if (c.reportedRemaining() == 0) return;
    Payload body = payloadAfter(c, c.reportedRemaining());
    if (flags & 0x04) {  // more fragments: Wireshark would reassemble; alone it is data
        ctx.setInfo(writeFragmented, c.layer());
        dissectData(ctx, body);
        return;
    }
    if ((flags & 0x40) || amsdu || (body.data.size() >= 2 && body.data[0] == 0xff && body.data[1] == 0xff)) {
        dissectData(ctx, body);  // encrypted, an A-MSDU or raw IPX: not dissected further
        return;
    }
    // Two zero bytes before the LLC header: padding some drivers (OLPC, Atheros) add, which
    // Wireshark skips.
    if (body.data.size() >= 2 && body.data[0] == 0 && body.data[1] == 0) {
        body.data = body.data.subspan(2);
        body.reported -= 2;
        body.at += 2;
    }
    dissectLlc(ctx, body);
}

void dissectFrame(DissectContext& ctx, const Payload& p, bool dataPad, bool fcs)
{
    LayerCursor c(ctx, "IEEE 802.11", "wlan", p.data, p.at, p.reported);
    ctx.setProtocol("802.11");
    const std::uint8_t fc0 = c.u8();
    const std::uint8_t flags = c.u8();
    if (!c.ok()) return;
    const unsigned type = (fc0 >> 2) & 3, subtype = fc0 >> 4;
    c.add(hf.typeSubtype, 0, 1, type << 4 | subtype);
    ctx.setInfo(writeName, c.layer());
    c.add(hf.fc, 0, 2, std::uint32_t{fc0} << 8 | flags);
    c.add(hf.version, 0, 1, fc0 & 3);
    c.add(hf.type, 0, 1, type);
    c.add(hf.subtype, 0, 1, subtype);
    const std::uint32_t flagsField = c.add(hf.flags, 1, 1, flags);
    if (fcs) ctx.out.setAux(flagsField, 1);
    c.add(hf.ds, 1, 1, flags & 3);
    c.add(hf.toDs, 1, 1, flags & 1);
    c.add(hf.fromDs, 1, 1, (flags >> 1) & 1);
    c.add(hf.moreFrag, 1, 1, (flags >> 2) & 1);
    c.add(hf.retry, 1, 1, (flags >> 3) & 1);
    c.add(hf.pwrMgt, 1, 1, (flags >> 4) & 1);
    c.add(hf.moreData, 1, 1, (flags >> 5) & 1);
    c.add(hf.protectedFlag, 1, 1, (flags >> 6) & 1);
    c.add(hf.order, 1, 1, flags >> 7);
    const std::uint16_t duration = c.u16le();
    if (!c.need(6)) return;
    c.add(hf.duration, 2, 2, duration & 0x7fff);

    if (type == kControl) {
        address(c, 4, hf.ra);
        address(c, 4, hf.addr);
        c.skip(6);
        // The second address: a transmitter, CF-End's BSS; ACK, CTS and others have none.
        const bool ta = subtype == 2 || subtype == 4 || subtype == 5 || (subtype >= 8 && subtype <= 0xb);
        const bool bssid = subtype == 0xe || subtype == 0xf;
        if ((ta || bssid) && c.need(6)) {
            address(c, 10, ta ? hf.ta : hf.bssid);
            address(c, 10, hf.addr);
            c.skip(6);
        }
        if (c.ok()) ctx.appendInfo(writeSequenceAndFlags, c.layer());
        return;
    }
    if (type != kMgmt && type != kData) {  // extension frames: only the receiver is read
        address(c, 4, hf.ra);
        address(c, 4, hf.addr);
        c.skip(6);
        ctx.appendInfo(writeSequenceAndFlags, c.layer());
        return;
    }
    const unsigned ds = flags & 3;
    const bool fourAddresses = type == kData && ds == 3;
    if (!c.need(18 + (fourAddresses ? 6 : 0))) return;
    if (type == kMgmt) {
        address(c, 4, hf.ra), address(c, 4, hf.da), address(c, 4, hf.addr);
        address(c, 10, hf.ta), address(c, 10, hf.sa), address(c, 10, hf.addr);
        address(c, 16, hf.bssid), address(c, 16, hf.addr);
    } else {
        dataAddresses(c, ds, 24);
    }
    c.skip(18);
    sequenceControl(c);
    if (fourAddresses) c.skip(6);
    const bool qos = type == kData && (subtype & 0x8);
    bool amsdu = false;
    if (qos) {
        const std::size_t at = c.pos();
        const std::uint16_t q = c.u16le(hf.qos);
        if (!c.ok()) return;
        c.add(hf.qosTid, at, 2, q & 0xf);
        c.add(hf.qosPriority, at, 2, q & 0x7);
        // Bit 4 is EOSP in frames from an AP, otherwise it says what bits 8-15 hold.
        const bool fromAp = ds == 2;
        c.add(fromAp ? hf.qosEosp : hf.qosBit4, at, 2, (q >> 4) & 1);
        c.add(hf.qosAck, at, 2, (q >> 5) & 3);
        if (!(subtype & 0x4)) {
            amsdu = (q & 0x80) != 0;
            c.add(hf.qosAmsdu, at, 2, (q >> 7) & 1);
        }
        if (!fromAp) c.add((q & 0x10) ? hf.qosTxopLimit : hf.qosTxopDurReq, at, 2, q >> 8);
    }
    if ((qos || type == kMgmt) && (flags & 0x80)) c.u32(hf.htc);  // +HTC
    // Radiotap's Data Pad: the body starts on the next 4-byte boundary.
    if (dataPad && type == kData && c.ok()) c.skip((4 - c.pos() % 4) % 4);
    if (!c.ok()) return;
    ctx.appendInfo(writeSequenceAndFlags, c.layer());
    if (type == kMgmt) {
        dissectManagementBody(ctx, c, subtype);
        return;
    }
    dissectDataBody(ctx, c, subtype, flags, amsdu);
}

}  // namespace

void dissectWlanWithoutFcs(DissectContext& ctx, const Payload& p) { dissectFrame(ctx, p, false, false); }

void dissectWlan(DissectContext& ctx, const Payload& p, WlanOptions options)
{
    if (!options.fcs || p.reported < 4) {
        dissectFrame(ctx, p, options.dataPad, false);
        return;
    }
    // The FCS is not part of the frame the MAC header describes: dissect without it, then show
    // it (unverified, as Wireshark's default) when the capture holds it.
    Payload frame = p;
    frame.reported = p.reported - 4;
    if (frame.data.size() > frame.reported) frame.data = frame.data.first(frame.reported);
    const auto layer = static_cast<std::uint16_t>(ctx.out.layers().size());
    dissectFrame(ctx, frame, options.dataPad, true);
    if (p.data.size() >= p.reported && layer < ctx.out.layers().size()) {
        const ByteSpan f = p.data.subspan(p.reported - 4, 4);
        const std::uint32_t value = f[0] | std::uint32_t{f[1]} << 8 | std::uint32_t{f[2]} << 16 | std::uint32_t{f[3]} << 24;
        ctx.out.addField(hf.fcs, layer, p.at + static_cast<std::uint32_t>(p.reported - 4), 4, value);
        ctx.out.layer(layer).length = static_cast<std::uint32_t>(p.data.size());
    }
}

namespace {

// LINKTYPE_IEEE802_11 (105): bare 802.11 frames; Wireshark assumes no FCS by default.
constexpr std::uint32_t kLinkTypeIeee80211 = 105;

bool dissectLinkType(DissectContext& ctx, const Payload& p)
{
    dissectFrame(ctx, p, false, false);
    return true;
}

}  // namespace

void registerWlan(ProtocolRegistrar& r)
{
    r.protocol("wlan");
    r.linkType(kLinkTypeIeee80211, dissectLinkType);
    hf.typeSubtype = r.field({"wlan.fc.type_subtype", "Type/Subtype", FieldKind::Hex, 16, kTypeSubtypes});
    hf.fc = r.field({"wlan.fc", "Frame Control Field", FieldKind::Hex, 16});
    hf.version = r.field({"wlan.fc.version", "Version", FieldKind::Unsigned, 8, {}, 0x03});
    hf.type = r.field({"wlan.fc.type", "Type", FieldKind::Unsigned, 8, kTypes, 0x0c});
    hf.subtype = r.field({"wlan.fc.subtype", "Subtype", FieldKind::Unsigned, 8, {}, 0xf0});
    hf.flags = r.field({"wlan.flags", "Flags", FieldKind::Hex, 8});
    hf.ds = r.field({"wlan.fc.ds", "DS status", FieldKind::Hex, 8, kDs, 0x03});
    hf.toDs = r.field({"wlan.fc.tods", "To DS", FieldKind::Bool, 8, {}, 0x01});
    hf.fromDs = r.field({"wlan.fc.fromds", "From DS", FieldKind::Bool, 8, {}, 0x02});
    hf.moreFrag = r.field({"wlan.fc.frag", "More Fragments", FieldKind::Bool, 8, {}, 0x04});
    hf.retry = r.field({"wlan.fc.retry", "Retry", FieldKind::Bool, 8, {}, 0x08});
    hf.pwrMgt = r.field({"wlan.fc.pwrmgt", "PWR MGT", FieldKind::Bool, 8, {}, 0x10});
    hf.moreData = r.field({"wlan.fc.moredata", "More Data", FieldKind::Bool, 8, {}, 0x20});
    hf.protectedFlag = r.field({"wlan.fc.protected", "Protected flag", FieldKind::Bool, 8, {}, 0x40});
    hf.order = r.field({"wlan.fc.order", "+HTC/Order flag", FieldKind::Bool, 8, {}, 0x80});
    hf.duration = r.field({"wlan.duration", "Duration", FieldKind::Unsigned, 16, {}, 0x7fff});
    hf.ra = r.field({"wlan.ra", "Receiver address", FieldKind::Mac});
    hf.ta = r.field({"wlan.ta", "Transmitter address", FieldKind::Mac});
    hf.da = r.field({"wlan.da", "Destination address", FieldKind::Mac});
    hf.sa = r.field({"wlan.sa", "Source address", FieldKind::Mac});
    hf.bssid = r.field({"wlan.bssid", "BSS Id", FieldKind::Mac});
    hf.staa = r.field({"wlan.staa", "STA address", FieldKind::Mac});
    hf.addr = r.field({"wlan.addr", "Hardware address", FieldKind::Mac});
    hf.frag = r.field({"wlan.frag", "Fragment number", FieldKind::Unsigned, 16, {}, 0x000f});
    hf.seq = r.field({"wlan.seq", "Sequence number", FieldKind::Unsigned, 16, {}, 0xfff0});
    hf.qos = r.field({"wlan.qos", "Qos Control", FieldKind::Hex, 16});
    hf.qosTid = r.field({"wlan.qos.tid", "TID", FieldKind::Unsigned, 16, {}, 0x000f});
    hf.qosPriority = r.field({"wlan.qos.priority", "Priority", FieldKind::Unsigned, 16, kPriorities, 0x0007});
    hf.qosBit4 = r.field({"wlan.qos.bit4", "QoS bit 4", FieldKind::Bool, 16, {}, 0x0010});
    hf.qosEosp = r.field({"wlan.qos.eosp", "EOSP", FieldKind::Bool, 16, {}, 0x0010});
    hf.qosAck = r.field({"wlan.qos.ack", "Ack Policy", FieldKind::Hex, 16, kAckPolicies, 0x0060});
    hf.qosAmsdu = r.field({"wlan.qos.amsdupresent", "Payload Type", FieldKind::Bool, 16, {}, 0x0080});
    hf.qosTxopDurReq = r.field({"wlan.qos.txop_dur_req", "TXOP Duration Requested", FieldKind::Unsigned, 16, {}, 0xff00});
    hf.qosTxopLimit = r.field({"wlan.qos.txop_limit", "TXOP Limit", FieldKind::Unsigned, 16, {}, 0xff00});
    hf.htc = r.field({"wlan.htc", "HT Control (+HTC)", FieldKind::Hex, 32});
    hf.timestamp = r.field({"wlan.fixed.timestamp", "Timestamp", FieldKind::Unsigned, 64});
    hf.beacon = r.field({"wlan.fixed.beacon", "Beacon Interval", FieldKind::Unsigned, 32});
    hf.capabilities = r.field({"wlan.fixed.capabilities", "Capabilities Information", FieldKind::Hex, 16});
    hf.tagNumber = r.field({"wlan.tag.number", "Tag Number", FieldKind::Unsigned, 8});
    hf.tagLength = r.field({"wlan.tag.length", "Tag length", FieldKind::Unsigned, 32});
    hf.ssid = r.field({"wlan.ssid", "SSID", FieldKind::Bytes});
    hf.fcs = r.field({"wlan.fcs", "Frame check sequence", FieldKind::Hex, 32});
}

}  // namespace rcvmon
