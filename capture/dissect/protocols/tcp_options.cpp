// SPDX-License-Identifier: GPL-2.0-or-later
// TCP options as Wireshark 4.0 shows them: MSS (RFC 9293 §3.2), window scale and timestamps
// (RFC 7323), SACK and SACK-permitted (RFC 2018, edges relative to the receiver's ISN), user
// timeout (RFC 5482), Fast Open (RFC 7413), MPTCP (RFC 8684, names the column) and Accurate ECN
// (RFC 9768, kinds 172/174 and the experimental 0xACC0/0xACC1). A window scale option sets the
// sender's scale; an AccECN option switches the flags to ACE.
#include "dissect/protocols/tcp_options.h"

#include "dissect/tcp_conversations.h"

namespace rcvmon {

void registerTcpOptionFields(ProtocolRegistrar& r)
{
    tcpHf.sackPerm = r.field({"tcp.options.sack_perm", "TCP Option - SACK permitted", FieldKind::Bytes, 0});
    tcpHf.wscaleMultiplier = r.field({"tcp.options.wscale.multiplier", "Multiplier", FieldKind::Unsigned, 16});
    tcpHf.sackLe = r.field({"tcp.options.sack_le", "TCP SACK Left Edge", FieldKind::Unsigned, 32});
    tcpHf.sackRe = r.field({"tcp.options.sack_re", "TCP SACK Right Edge", FieldKind::Unsigned, 32});
    tcpHf.sackCount = r.field({"tcp.options.sack.count", "TCP SACK Count", FieldKind::Unsigned, 8});
    tcpHf.tsval = r.field({"tcp.options.timestamp.tsval", "Timestamp value", FieldKind::Unsigned, 32});
    tcpHf.tsecr = r.field({"tcp.options.timestamp.tsecr", "Timestamp echo reply", FieldKind::Unsigned, 32});
    tcpHf.tfoRequest = r.field({"tcp.options.tfo.request", "Fast Open Cookie Request", FieldKind::None, 0});
    tcpHf.tfoCookie = r.field({"tcp.options.tfo.cookie", "Fast Open Cookie", FieldKind::Bytes, 0});
    tcpHf.userTo = r.field({"tcp.options.user_to_val", "User Timeout", FieldKind::Unsigned, 16});
    tcpHf.accEcnEe0b = r.field({"tcp.options.acc_ecn.ee0b", "Accurate ECN Echo ECT(0) Byte Counter", FieldKind::Unsigned, 24});
    tcpHf.accEcnEceb = r.field({"tcp.options.acc_ecn.eceb", "Accurate ECN Echo CE Byte Counter", FieldKind::Unsigned, 24});
    tcpHf.accEcnEe1b = r.field({"tcp.options.acc_ecn.ee1b", "Accurate ECN Echo ECT(1) Byte Counter", FieldKind::Unsigned, 24});
}

namespace {

// Up to three 24-bit counters, in the order the option's kind (or experiment id) gives.
void accEcnCounters(LayerCursor& c, std::size_t bytes, bool order1, const TcpOptionState& state)
{
    const FieldId order[3] = {order1 ? tcpHf.accEcnEe1b : tcpHf.accEcnEe0b, tcpHf.accEcnEceb,
                              order1 ? tcpHf.accEcnEe0b : tcpHf.accEcnEe1b};
    std::size_t i = 0;
    for (; i < 3 && bytes >= 3; ++i, bytes -= 3) c.u24(order[i]);
    if (bytes > 0) c.skip(bytes);
    if (state.conversation) state.conversation->accEcnOption = true;
}

}  // namespace

void dissectTcpOptions(LayerCursor& c, std::size_t end, const TcpOptionState& state)
{
    bool ended = false;
    while (c.ok() && c.pos() < end) {
        const std::size_t at = c.pos();
        const std::uint8_t kind = c.u8();
        // End of option list: Wireshark lists the padding EOLs too; a non-zero byte after one
        // is "Non-zero header padding" (expert info), no option.
        if (kind == 0) {
            ended = true;
            continue;
        }
        if (ended) return;
        if (kind == 1) continue;  // no-operation
        const std::uint8_t len = c.u8();
        if (!c.ok()) return;
        if (len < 2 || at + len > end) {
            c.malformed();
            return;
        }
        const std::size_t body = len - 2u;
        if (kind == 2 && len == 4) {
            c.u16(field::TcpOptionMss);
        } else if (kind == 3 && len == 3) {
            const std::uint8_t shift = c.u8(field::TcpOptionWscale);
            c.add(tcpHf.wscaleMultiplier, at + 2, 1, shift < 16 ? 1u << shift : 0);
            // RFC 7323 §2.3: a shift above 14 is used as 14.
            if (state.sender) state.sender->winScale = static_cast<std::int8_t>(shift > 14 ? 14 : shift);
        } else if (kind == 4 && len == 2) {
            // A protocol item in Wireshark: tshark prints its bytes.
            c.ctx().out.addBytesField(tcpHf.sackPerm, c.layer(), c.absolute(at), c.data().subspan(at, 2));
        } else if (kind == 5 && body % 8 == 0) {
            c.add(tcpHf.sackCount, at + 1, 1, body / 8);
            for (std::size_t i = 0; i < body / 8; ++i) {
                const std::uint32_t le = c.u32(), re = c.u32();
                c.add(tcpHf.sackLe, c.pos() - 8, 4, le - state.sackBase);
                c.add(tcpHf.sackRe, c.pos() - 4, 4, re - state.sackBase);
            }
        } else if (kind == 8 && len == 10) {
            c.u32(tcpHf.tsval);
            c.u32(tcpHf.tsecr);
        } else if (kind == 28 && len == 4) {
            c.add(tcpHf.userTo, at + 2, 2, c.u16() & 0x7fff);
        } else if (kind == 34) {
            if (body == 0) {
                c.add(tcpHf.tfoRequest, at, 2, 1);
            } else {
                c.bytes(body, tcpHf.tfoCookie);
            }
        } else if (kind == 172 || kind == 174) {
            accEcnCounters(c, body, kind == 174, state);
        } else if (kind == 254 && body >= 2 && (c.peek() << 8 | c.peek(1)) >= 0xacc0 &&
                   (c.peek() << 8 | c.peek(1)) <= 0xacc1) {
            const bool order1 = c.u16() == 0xacc1;
            accEcnCounters(c, body - 2, order1, state);
        } else {
            if (kind == 30) {
                c.ctx().setProtocol("MPTCP");  // RFC 8684: Wireshark names the segment MPTCP
                // Each MPTCP option is proto_mptcp's dissector from the "tcp.option" table: a
                // protocol of the frame, its item inside TCP's options.
                DissectContext& ctx = c.ctx();
                const std::uint16_t mptcp = ctx.out.addLayer("MPTCP", "mptcp", c.absolute(at), len, ctx.inReassembled);
                ctx.out.layer(mptcp).nested = true;
            }
            c.skip(body);
        }
    }
}

}  // namespace rcvmon
