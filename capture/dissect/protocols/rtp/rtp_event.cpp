// SPDX-License-Identifier: GPL-2.0-or-later
// RTP EVENT (RFC 4733 §2.3, telephone events such as DTMF digits) in an RTP payload: the first
// event of the payload, as Wireshark shows it ("Payload type=RTP Event, DTMF One 1 (end)").
#include "dissect/protocols/rtp/rtp.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct RtpEventFields {
    FieldId eventId, endOfEvent, reserved, volume, duration;
} hf;

void writeInfo(const LayerView& layer, std::string& out)
{
    out += "Payload type=RTP Event, ";
    const std::uint64_t event = layer.number(hf.eventId);
    appendNameOrNumber(out, valueName(kRtpEventNames, event), event);
    if (layer.number(hf.endOfEvent) != 0) out += " (end)";
}

}  // namespace

void dissectRtpEvent(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "RFC 2833 RTP Event", "rtpevent", p.data, p.at, p.reported);
    ctx.setProtocol("RTP EVENT");
    c.u8(hf.eventId);
    const std::uint8_t flags = c.peek();
    if (!c.need(1)) return;
    c.add(hf.endOfEvent, 1, 1, flags >> 7);
    c.add(hf.reserved, 1, 1, (flags >> 6) & 1);
    c.add(hf.volume, 1, 1, flags & 0x3f);
    c.skip(1);
    c.u16(hf.duration);
    if (c.ok()) ctx.setInfo(writeInfo, c.layer());
}

void registerRtpEvent(ProtocolRegistrar& r)
{
    r.protocol("rtpevent");
    hf.eventId = r.field({"rtpevent.event_id", "Event ID", FieldKind::Unsigned, 8, kRtpEventNames});
    hf.endOfEvent = r.field({"rtpevent.end_of_event", "End of Event", FieldKind::Bool, 8, {}, 0x80});
    hf.reserved = r.field({"rtpevent.reserved", "Reserved", FieldKind::Bool, 8, {}, 0x40});
    hf.volume = r.field({"rtpevent.volume", "Volume", FieldKind::Unsigned, 8, {}, 0x3f});
    hf.duration = r.field({"rtpevent.duration", "Event Duration", FieldKind::Unsigned, 16});
}

}  // namespace rcvmon
