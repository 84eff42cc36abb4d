// SPDX-License-Identifier: GPL-2.0-or-later
// SSDP (UPnP Device Architecture 2.0 §1.3), HTTP over UDP port 1900: the request or status
// line and the Host and User-Agent headers. Wireshark reads it with its HTTP dissector, so
// the fields are HTTP's and the Info column is the first line.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

#include <string_view>

namespace rcvmon {
namespace {

struct SsdpFields {
    FieldId method, uri, version, responseVersion, code, phrase, host, userAgent;
} hf;

void writeInfo(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != layer.layer()) continue;
        if (f.id == hf.method || f.id == hf.uri || f.id == hf.version || f.id == hf.responseVersion ||
            f.id == hf.code || f.id == hf.phrase) {
            d.appendValue(f, out);
            out += ' ';
        }
    }
}

bool equalsCi(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
        if (x != b[i]) return false;
    }
    return true;
}

void addText(LayerCursor& c, FieldId id, std::string_view all, std::string_view part)
{
    const std::size_t at = static_cast<std::size_t>(part.data() - all.data());
    c.ctx().out.addTextField(id, c.layer(), c.absolute(at), static_cast<std::uint32_t>(part.size()), part);
}

bool dissectSsdp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "SSDP", "ssdp", p.data, p.at, p.reported);
    ctx.setProtocol("SSDP");
    const std::string_view text(reinterpret_cast<const char*>(p.data.data()), p.data.size());
    std::size_t end = text.find("\r\n");
    const std::string_view line = text.substr(0, end);
    const std::size_t sp1 = line.find(' ');
    const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos) return true;
    const std::string_view first = line.substr(0, sp1), second = line.substr(sp1 + 1, sp2 - sp1 - 1),
                           third = line.substr(sp2 + 1);
    if (first.substr(0, 5) == "HTTP/") {
        addText(c, hf.responseVersion, text, first);
        unsigned code = 0;
        for (const char ch : second) code = ch >= '0' && ch <= '9' && code < 1000 ? code * 10 + (ch - '0') : code;
        c.add(hf.code, static_cast<std::size_t>(second.data() - text.data()), second.size(), code);
        addText(c, hf.phrase, text, third);
    } else {
        addText(c, hf.method, text, first);
        addText(c, hf.uri, text, second);
        addText(c, hf.version, text, third);
    }
    ctx.setInfo(writeInfo, c.layer());
    for (int guard = 0; guard < 128 && end != std::string_view::npos; ++guard) {
        const std::size_t start = end + 2;
        end = text.find("\r\n", start);
        const std::string_view header = text.substr(start, end == std::string_view::npos ? end : end - start);
        if (header.empty()) break;
        const std::size_t colon = header.find(':');
        if (colon == std::string_view::npos) continue;
        std::string_view value = header.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
        const std::string_view name = header.substr(0, colon);
        if (equalsCi(name, "host")) {
            addText(c, hf.host, text, value);
        } else if (equalsCi(name, "user-agent")) {
            addText(c, hf.userAgent, text, value);
        }
    }
    return true;
}

}  // namespace

void registerSsdp(ProtocolRegistrar& r)
{
    r.protocol("ssdp");
    hf.method = r.field({"http.request.method", "Request Method", FieldKind::String});
    hf.uri = r.field({"http.request.uri", "Request URI", FieldKind::String});
    hf.version = r.field({"http.request.version", "Request Version", FieldKind::String});
    hf.responseVersion = r.field({"http.response.version", "Response Version", FieldKind::String});
    hf.code = r.field({"http.response.code", "Status Code", FieldKind::Unsigned, 16});
    hf.phrase = r.field({"http.response.phrase", "Response Phrase", FieldKind::String});
    hf.host = r.field({"http.host", "Host", FieldKind::String});
    hf.userAgent = r.field({"http.user_agent", "User-Agent", FieldKind::String});
    r.udpPort(1900, dissectSsdp);
}

}  // namespace rcvmon
