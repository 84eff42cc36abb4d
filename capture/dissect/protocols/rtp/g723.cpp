// SPDX-License-Identifier: GPL-2.0-or-later
// G.723.1 in RTP (static payload type 4, RFC 3551 §4.5.3): the frame type of the first frame,
// as Wireshark's G.723 dissector shows it; the RTP Info stays.
#include "dissect/protocols/rtp/rtp.h"

namespace rcvmon {
namespace {

struct G723Fields {
    FieldId frameType, lpc;
} hf;

constexpr ValueName kFrameTypes[] = {{0, "High-rate speech (6.3 kb/s)"},
                                     {1, "Low-rate speech  (5.3 kb/s)"},
                                     {2, "SID frame"},
                                     {3, "Reserved"}};

}  // namespace

void dissectG723(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "G.723", "g723", p.data, p.at, p.reported);
    ctx.setProtocol("G.723.1");
    const std::uint8_t first = c.u8();
    if (!c.ok()) return;
    c.add(hf.frameType, 0, 1, first & 0x03);
    c.add(hf.lpc, 0, 1, first >> 2);
}

void registerG723(ProtocolRegistrar& r)
{
    r.protocol("g723");
    hf.frameType = r.field({"g723.frame_size_and_codec", "Frame size and codec type", FieldKind::Hex, 8, kFrameTypes, 0x03});
    hf.lpc = r.field({"g723.lpc.b5b0", "LPC_B5...LPC_B0", FieldKind::Hex, 8, {}, 0xfc});
}

}  // namespace rcvmon
