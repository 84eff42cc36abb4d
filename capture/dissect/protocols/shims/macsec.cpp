// SPDX-License-Identifier: GPL-2.0-or-later
// IEEE 802.1AE MACsec (EtherType 0x88e5): the SecTAG (TCI and association number, short
// length, packet number, the optional SCI), then the frame's own EtherType and payload when
// it is integrity-only (neither E nor C set), and the 16-byte ICV at the end.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct MacsecFields {
    FieldId tci, ver, es, sc, scb, e, c, an, sl, pn, system, port, etype, icv;
} hf;

constexpr std::size_t kIcvLength = 16;

bool dissectMacsec(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "802.1AE Security tag", "macsec", p.data, p.at, p.reported);
    ctx.setProtocol("MACSEC");
    const std::uint8_t tciAn = c.u8();
    if (!c.ok()) return true;
    const std::uint8_t tci = tciAn & 0xfc;
    c.add(hf.tci, 0, 1, tci);
    c.add(hf.ver, 0, 1, (tciAn >> 7) & 1);
    c.add(hf.es, 0, 1, (tciAn >> 6) & 1);
    c.add(hf.sc, 0, 1, (tciAn >> 5) & 1);
    c.add(hf.scb, 0, 1, (tciAn >> 4) & 1);
    c.add(hf.e, 0, 1, (tciAn >> 3) & 1);
    c.add(hf.c, 0, 1, (tciAn >> 2) & 1);
    c.add(hf.an, 0, 1, tciAn & 3);
    const std::uint8_t shortLength = c.u8(hf.sl);
    c.u32(hf.pn);
    if (tciAn & 0x20) {
        c.bytes(6, hf.system);
        c.u16(hf.port);
    }
    if (!c.ok()) return true;
    // The secure data: SL bytes when the short length is set, else all but the ICV.
    const std::size_t rest = c.reportedRemaining();
    if (rest < kIcvLength) {
        c.malformed();
        return true;
    }
    const std::size_t secure = shortLength != 0 ? std::min<std::size_t>(shortLength, rest) : rest - kIcvLength;
    if (tciAn & 0x0c) {  // encrypted or changed: nothing readable past the SecTAG
        dissectData(ctx, payloadAfter(c, secure));
        return true;
    }
    const std::uint16_t type = c.u16(hf.etype);
    if (!c.ok()) return true;
    const std::size_t inner = secure >= 2 ? secure - 2 : 0;
    const std::size_t icvAt = c.pos() + inner;
    if (icvAt + kIcvLength <= c.size())
        ctx.out.addBytesField(hf.icv, c.layer(), c.absolute(icvAt), c.data().subspan(icvAt, kIcvLength));
    const Payload next = payloadAfter(c, inner);
    if (!dissectEtherType(ctx, type, next)) dissectData(ctx, next);
    return true;
}

}  // namespace

void registerMacsec(ProtocolRegistrar& r)
{
    r.protocol("macsec");
    hf.tci = r.field({"macsec.TCI", "TCI", FieldKind::Hex, 8, {}, 0xfc});
    hf.ver = r.field({"macsec.TCI.V", "VER", FieldKind::Hex, 8, {}, 0x80});
    hf.es = r.field({"macsec.TCI.ES", "ES", FieldKind::Bool, 8, {}, 0x40});
    hf.sc = r.field({"macsec.TCI.SC", "SC", FieldKind::Bool, 8, {}, 0x20});
    hf.scb = r.field({"macsec.TCI.SCB", "SCB", FieldKind::Bool, 8, {}, 0x10});
    hf.e = r.field({"macsec.TCI.E", "E", FieldKind::Bool, 8, {}, 0x08});
    hf.c = r.field({"macsec.TCI.C", "C", FieldKind::Bool, 8, {}, 0x04});
    hf.an = r.field({"macsec.AN", "AN", FieldKind::Hex, 8, {}, 0x03});
    hf.sl = r.field({"macsec.SL", "Short length", FieldKind::Unsigned, 8});
    hf.pn = r.field({"macsec.PN", "Packet number", FieldKind::Unsigned, 32});
    hf.system = r.field({"macsec.SCI.system_identifier", "System Identifier", FieldKind::Mac, 48});
    hf.port = r.field({"macsec.SCI.port_identifier", "Port Identifier", FieldKind::Unsigned, 16});
    hf.etype = r.field({"macsec.etype", "Ethertype", FieldKind::Hex, 16});
    hf.icv = r.field({"macsec.ICV", "ICV", FieldKind::Bytes, 0});
    r.etherType(0x88e5, dissectMacsec);
}

}  // namespace rcvmon
