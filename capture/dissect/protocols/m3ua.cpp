// SPDX-License-Identifier: GPL-2.0-or-later
// M3UA (RFC 4666 §3.1): the common message header of an SCTP DATA chunk with PPID 3. Its
// message's acronym joins the Info column in the DATA chunk's place ("ASPUP "), as
// packet-m3ua.c appends it.
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

// RFC 4666 §3.1.2-3, by class << 8 | type.
constexpr ValueName kAcronyms[] = {
    {0x0000, "ERR"},       {0x0001, "NTFY"},      {0x0101, "DATA"},      {0x0201, "DUNA"},
    {0x0202, "DAVA"},      {0x0203, "DAUD"},      {0x0204, "SCON"},      {0x0205, "DUPU"},
    {0x0206, "DRST"},      {0x0301, "ASPUP"},     {0x0302, "ASPDN"},     {0x0303, "BEAT"},
    {0x0304, "ASPUP_ACK"}, {0x0305, "ASPDN_ACK"}, {0x0306, "BEAT_ACK"},  {0x0401, "ASPAC"},
    {0x0402, "ASPIA"},     {0x0403, "ASPAC_ACK"}, {0x0404, "ASPIA_ACK"}, {0x0901, "REG_REQ"},
    {0x0902, "REG_RSP"},   {0x0903, "DEREG_REQ"}, {0x0904, "DEREG_RSP"},
};

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t key = l.number(field::M3uaMessageClass) << 8 | l.number(field::M3uaMessageType);
    out += valueName(kAcronyms, key, "reserved");
    out += ' ';
}

}  // namespace

void dissectM3ua(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "M3UA", "m3ua", p.data, p.at, p.reported);
    ctx.setProtocol("M3UA (RFC 4666)");
    c.u8(field::M3uaVersion);
    c.u8();  // reserved
    c.u8(field::M3uaMessageClass);
    c.u8(field::M3uaMessageType);
    if (c.ok()) ctx.appendInfo(writeInfo, c.layer(), "");
    c.u32(field::M3uaMessageLength);
}

}  // namespace rcvmon
