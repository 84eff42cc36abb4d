// SPDX-License-Identifier: GPL-2.0-or-later
// Syslog (RFC 3164, RFC 5424 §6.2.1), UDP port 514: the <PRI> part split into facility and
// level, and the message, which the Info column shows after "FACILITY.LEVEL: ".
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct SyslogFields {
    FieldId facility, level, msg;
} hf;

constexpr ValueName kFacilities[] = {
    {0, "KERN - kernel messages"},
    {1, "USER - random user-level messages"},
    {2, "MAIL - mail system"},
    {3, "DAEMON - system daemons"},
    {4, "AUTH - security/authorization messages"},
    {5, "SYSLOG - messages generated internally by syslogd"},
    {6, "LPR - line printer subsystem"},
    {7, "NEWS - network news subsystem"},
    {8, "UUCP - UUCP subsystem"},
    {9, "CRON - clock daemon (BSD, Linux)"},
    {10, "AUTHPRIV - security/authorization messages (private)"},
    {11, "FTP - ftp daemon"},
    {12, "NTP - ntp subsystem"},
    {13, "LOGAUDIT - log audit"},
    {14, "LOGALERT - log alert"},
    {15, "CRON - clock daemon (Solaris)"},
    {16, "LOCAL0 - reserved for local use"},
    {17, "LOCAL1 - reserved for local use"},
    {18, "LOCAL2 - reserved for local use"},
    {19, "LOCAL3 - reserved for local use"},
    {20, "LOCAL4 - reserved for local use"},
    {21, "LOCAL5 - reserved for local use"},
    {22, "LOCAL6 - reserved for local use"},
    {23, "LOCAL7 - reserved for local use"}};
constexpr ValueName kLevels[] = {{0, "EMERG - system is unusable"},
                                 {1, "ALERT - action must be taken immediately"},
                                 {2, "CRIT - critical conditions"},
                                 {3, "ERR - error conditions"},
                                 {4, "WARNING - warning conditions"},
                                 {5, "NOTICE - normal but significant condition"},
                                 {6, "INFO - informational"},
                                 {7, "DEBUG - debug-level messages"}};

// The short name before " - " in a value name ("USER" of "USER - random user-level messages").
void appendShort(std::string& out, FieldId id, std::uint64_t value)
{
    const std::string_view name = valueName(fieldInfo(id), value);
    out += name.empty() ? std::string_view("Unknown") : name.substr(0, name.find(" - "));
}

void writeInfo(const LayerView& layer, std::string& out)
{
    if (layer.has(hf.level)) {
        appendShort(out, hf.facility, layer.number(hf.facility));
        out += '.';
        appendShort(out, hf.level, layer.number(hf.level));
        out += ": ";
    }
    out += layer.text(hf.msg);
}

// Wireshark's format_text: C escapes for control characters, octal for other bytes that
// are not printable ASCII (a backslash stays as it is).
void appendEscaped(std::string& out, ByteSpan bytes)
{
    for (const std::uint8_t b : bytes) {
        switch (b) {
        case '\a': out += "\\a"; continue;
        case '\b': out += "\\b"; continue;
        case '\f': out += "\\f"; continue;
        case '\n': out += "\\n"; continue;
        case '\r': out += "\\r"; continue;
        case '\t': out += "\\t"; continue;
        case '\v': out += "\\v"; continue;
        default: break;
        }
        if (b >= 0x20 && b < 0x7f) {
            out += static_cast<char>(b);
        } else {
            out += '\\';
            out += static_cast<char>('0' + (b >> 6));
            out += static_cast<char>('0' + ((b >> 3) & 7));
            out += static_cast<char>('0' + (b & 7));
        }
    }
}

bool dissectSyslog(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Syslog", "syslog", p.data, p.at, p.reported);
    ctx.setProtocol("Syslog");
    ctx.setInfo(writeInfo, c.layer());
    const ByteSpan d = p.data;
    // "<PRI>" (up to three digits); as in Wireshark a '<' starts it even when no digit or
    // '>' follows, the value then being 0.
    std::size_t start = 0;
    if (!d.empty() && d[0] == '<') {
        unsigned pri = 0;
        start = 1;
        while (start < d.size() && start <= 3 && d[start] >= '0' && d[start] <= '9') pri = pri * 10 + (d[start++] - '0');
        if (start < d.size() && d[start] == '>') ++start;
        c.add(hf.facility, 0, start, (pri >> 3) & 0x7f);
        c.add(hf.level, 0, start, pri & 7);
    }
    thread_local std::string text;
    text.clear();
    appendEscaped(text, d.subspan(start));
    ctx.out.addTextField(hf.msg, c.layer(), c.absolute(start), static_cast<std::uint32_t>(d.size() - start), text);
    return true;
}

}  // namespace

void registerSyslog(ProtocolRegistrar& r)
{
    r.protocol("syslog");
    hf.facility = r.field({"syslog.facility", "Facility", FieldKind::Unsigned, 8, kFacilities, 0x3f8});
    hf.level = r.field({"syslog.level", "Level", FieldKind::Unsigned, 8, kLevels, 0x7});
    hf.msg = r.field({"syslog.msg", "Message", FieldKind::String});
    r.udpPort(514, dissectSyslog);
}

}  // namespace rcvmon
