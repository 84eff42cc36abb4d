// SPDX-License-Identifier: GPL-2.0-or-later
// IRC (RFC 2812) messages as Wireshark shows them: "Request" or "Response" and each line's
// command in parentheses; the optional ":prefix", the command (numeric replies as numbers)
// and the whole line as fields.
#include "dissect/field_format.h"
#include "dissect/protocols/text/lines.h"

namespace rcvmon {
namespace {

struct IrcFields {
    FieldId request, requestPrefix, requestCommand, response, responsePrefix, responseCommand, responseNumCommand;
} hf;

constexpr std::uint16_t kIrcPort = 6667;

void writeInfo(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    out += layer.has(hf.request) ? "Request" : "Response";
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != layer.layer()) continue;
        if (f.id == hf.requestCommand || f.id == hf.responseCommand) {
            out += " (";
            text::appendFormatted(out, d.valueText(f));
            out += ')';
        } else if (f.id == hf.responseNumCommand) {
            // The digits as sent: the field keeps their count in its length.
            std::string digits;
            appendDecimal(digits, f.number);
            out += " (";
            if (digits.size() < f.length) out.append(f.length - digits.size(), '0');
            out += digits;
            out += ')';
        }
    }
}

bool dissectIrc(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "IRC", "irc", p.data, p.at, p.reported);
    ctx.setProtocol("IRC");
    ctx.setInfo(writeInfo, c.layer());
    const bool request = text::transportPorts(ctx).dst == kIrcPort;
    const std::string_view bytes = text::asText(p.data);
    text::Line line;
    std::size_t at = 0;
    for (int guard = 0; guard < 1024 && text::lineAt(bytes, at, line); ++guard) {
        at = line.next;
        if (line.length == 0) continue;
        text::addText(c, request ? hf.request : hf.response, line.start, line.text);
        std::string_view rest = line.text;
        std::size_t pos = line.start;
        while (!rest.empty() && rest[0] == ' ') {  // tokens may be padded with spaces
            rest.remove_prefix(1);
            ++pos;
        }
        if (!rest.empty() && rest[0] == ':') {
            const std::size_t sp = rest.find(' ');
            const std::string_view prefix = rest.substr(1, sp == std::string_view::npos ? std::string_view::npos : sp - 1);
            text::addText(c, request ? hf.requestPrefix : hf.responsePrefix, pos + 1, prefix);
            if (sp == std::string_view::npos) continue;
            pos += sp + 1;
            rest = rest.substr(sp + 1);
            while (!rest.empty() && rest[0] == ' ') {
                rest.remove_prefix(1);
                ++pos;
            }
        }
        const std::size_t end = rest.find(' ');
        const std::string_view command = rest.substr(0, end);
        if (command.empty()) continue;
        bool numeric = !request && command.size() <= 5;
        for (char ch : command) numeric = numeric && text::isDigit(ch);
        if (numeric) {
            unsigned n = 0;
            for (char ch : command) n = n * 10 + static_cast<unsigned>(ch - '0');
            c.add(hf.responseNumCommand, pos, command.size(), n);
        } else {
            text::addText(c, request ? hf.requestCommand : hf.responseCommand, pos, command);
        }
    }
    return true;
}

}  // namespace

void registerIrc(ProtocolRegistrar& r)
{
    r.protocol("irc");
    hf.request = r.field({"irc.request", "Request", FieldKind::String});
    hf.requestPrefix = r.field({"irc.request.prefix", "Prefix", FieldKind::String});
    hf.requestCommand = r.field({"irc.request.command", "Command", FieldKind::String});
    hf.response = r.field({"irc.response", "Response", FieldKind::String});
    hf.responsePrefix = r.field({"irc.response.prefix", "Prefix", FieldKind::String});
    hf.responseCommand = r.field({"irc.response.command", "Command", FieldKind::String});
    hf.responseNumCommand = r.field({"irc.response.num_command", "Command", FieldKind::Unsigned, 16});
    r.tcpPort(kIrcPort, dissectIrc);
}

}  // namespace rcvmon
