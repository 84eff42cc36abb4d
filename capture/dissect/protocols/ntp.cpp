// SPDX-License-Identifier: GPL-2.0-or-later
// NTP (RFC 5905 §7.3), UDP port 123: the time packet of modes 1-5, and the first bytes of
// the control (mode 6, RFC 1305 appendix B) and private (mode 7, ntpd's ntpdc) messages.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct NtpFields {
    FieldId flags, li, vn, mode, stratum, ppoll, precision, rootDelay, rootDispersion, refid;
    FieldId privR, privMore, privAuthSeq, privImpl, privReqcode;
} hf;

constexpr ValueName kVersions[] = {{0, "reserved"},      {1, "NTP Version 1"}, {2, "NTP Version 2"},
                                   {3, "NTP Version 3"}, {4, "NTP Version 4"}, {5, "reserved"},
                                   {6, "reserved"},      {7, "reserved"}};
constexpr ValueName kModes[] = {{0, "reserved"},
                                {1, "symmetric active"},
                                {2, "symmetric passive"},
                                {3, "client"},
                                {4, "server"},
                                {5, "broadcast"},
                                {6, "reserved for NTP control message"},
                                {7, "reserved for private use"}};
constexpr std::string_view kInfoModes[] = {"reserved", "symmetric active", "symmetric passive", "client",
                                           "server",   "broadcast",        "control",           "private"};
constexpr ValueName kRequestCodes[] = {
    {0, "PEER_LIST"},        {1, "PEER_LIST_SUM"},     {2, "PEER_INFO"},     {3, "PEER_STATS"},
    {4, "SYS_INFO"},         {5, "SYS_STATS"},         {6, "IO_STATS"},      {7, "MEM_STATS"},
    {8, "LOOP_INFO"},        {9, "TIMER_STATS"},       {10, "CONFIG"},       {11, "UNCONFIG"},
    {12, "SET_SYS_FLAG"},    {13, "CLR_SYS_FLAG"},     {14, "MONITOR"},      {15, "NOMONITOR"},
    {16, "GET_RESTRICT"},    {17, "RESADDFLAGS"},      {18, "RESSUBFLAGS"},  {19, "UNRESTRICT"},
    {20, "MON_GETLIST"},     {21, "RESET_STATS"},      {22, "RESET_PEER"},   {23, "REREAD_KEYS"},
    {24, "DO_DIRTY_HACK"},   {25, "DONT_DIRTY_HACK"},  {26, "TRUSTKEY"},     {27, "UNTRUSTKEY"},
    {28, "AUTHINFO"},        {29, "TRAPS"},            {30, "ADD_TRAP"},     {31, "CLR_TRAP"},
    {32, "REQUEST_KEY"},     {33, "CONTROL_KEY"},      {34, "GET_CTLSTATS"}, {35, "GET_LEAPINFO"},
    {36, "GET_CLOCKINFO"},   {37, "SET_CLKFUDGE"},     {38, "GET_KERNEL"},   {39, "GET_CLKBUGINFO"},
    {41, "SET_PRECISION"},   {42, "MON_GETLIST_1"},    {43, "HOSTNAME_ASSOCID"}, {44, "IF_STATS"},
    {45, "IF_RELOAD"}};

// "NTP Version 4, client"; ntpdc messages add the direction and request code.
void writeInfo(const LayerView& layer, std::string& out)
{
    out += valueName(fieldInfo(hf.vn), layer.number(hf.vn));
    out += ", ";
    const std::uint64_t mode = layer.number(hf.mode);
    out += kInfoModes[mode & 7];
    if (mode == 7 && layer.has(hf.privReqcode)) {
        out += layer.number(hf.privR) ? ", Response, " : ", Request, ";
        const std::string_view code = valueName(fieldInfo(hf.privReqcode), layer.number(hf.privReqcode));
        out += code.empty() ? std::string_view("Unknown") : code;
    }
}

bool dissectNtp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "NTP", "ntp", p.data, p.at, p.reported);
    ctx.setProtocol("NTP");
    const std::uint8_t flags = c.u8();
    if (!c.ok()) return true;
    const std::uint8_t mode = flags & 7;
    if (mode == 7) {
        c.add(hf.privR, 0, 1, flags >> 7);
        c.add(hf.privMore, 0, 1, (flags >> 6) & 1);
    } else {
        c.add(hf.flags, 0, 1, flags);
        c.add(hf.li, 0, 1, flags >> 6);
    }
    c.add(hf.vn, 0, 1, (flags >> 3) & 7);
    c.add(hf.mode, 0, 1, mode);
    ctx.setInfo(writeInfo, c.layer());
    if (mode == 7) {
        c.u8(hf.privAuthSeq);
        c.u8(hf.privImpl);
        c.u8(hf.privReqcode);
        return true;
    }
    if (mode == 6) return true;  // control messages: their own header follows
    c.u8(hf.stratum);
    c.u8(hf.ppoll);
    c.u8(hf.precision);
    c.u32(hf.rootDelay);
    c.u32(hf.rootDispersion);
    c.bytes(4, hf.refid);
    return true;
}

}  // namespace

void registerNtp(ProtocolRegistrar& r)
{
    r.protocol("ntp");
    hf.flags = r.field({"ntp.flags", "Flags", FieldKind::Hex, 8});
    hf.li = r.field({"ntp.flags.li", "Leap Indicator", FieldKind::Unsigned, 8, {}, 0xc0});
    hf.vn = r.field({"ntp.flags.vn", "Version number", FieldKind::Unsigned, 8, kVersions, 0x38});
    hf.mode = r.field({"ntp.flags.mode", "Mode", FieldKind::Unsigned, 8, kModes, 0x07});
    hf.stratum = r.field({"ntp.stratum", "Peer Clock Stratum", FieldKind::Unsigned, 8});
    hf.ppoll = r.field({"ntp.ppoll", "Peer Polling Interval", FieldKind::Unsigned, 8});
    hf.precision = r.field({"ntp.precision", "Peer Clock Precision", FieldKind::Unsigned, 8});
    hf.rootDelay = r.field({"ntp.rootdelay", "Root Delay", FieldKind::Unsigned, 32});
    hf.rootDispersion = r.field({"ntp.rootdispersion", "Root Dispersion", FieldKind::Unsigned, 32});
    hf.refid = r.field({"ntp.refid", "Reference ID", FieldKind::Bytes});
    hf.privR = r.field({"ntp.priv.flags.r", "Response bit", FieldKind::Unsigned, 8, {}, 0x80});
    hf.privMore = r.field({"ntp.priv.flags.more", "More bit", FieldKind::Unsigned, 8, {}, 0x40});
    hf.privAuthSeq = r.field({"ntp.priv.auth_seq", "Auth, sequence", FieldKind::Unsigned, 8});
    hf.privImpl = r.field({"ntp.priv.impl", "Implementation", FieldKind::Unsigned, 8});
    hf.privReqcode = r.field({"ntp.priv.reqcode", "Request code", FieldKind::Unsigned, 8, kRequestCodes});
    r.udpPort(123, dissectNtp);
}

}  // namespace rcvmon
