// SPDX-License-Identifier: GPL-2.0-or-later
// The CIFS browser protocol (MS-BRWS §2.2) inside SMB mailslot writes: announcements with
// their server name, versions and server type bits, announcement requests and elections.
// Info as packet-smb-browse.c writes it: "Host Announcement PC1, Workstation, Server".
#include "dissect/protocols/tail/browser.h"

#include "dissect/field_format.h"
#include "dissect/protocols/value_names.h"

#include <algorithm>

namespace rcvmon {
namespace {

struct BrowserFields {
    FieldId updateCount, period, server, mbServer, osMajor, osMinor, serverType, protoMajor, protoMinor, sig, comment,
        unused, responseName, electionVersion, electionCriteria, uptime;
} hf;

constexpr ValueName kCommands[] = {{1, "Host Announcement"},
                                   {2, "Request Announcement"},
                                   {8, "Browser Election Request"},
                                   {9, "Get Backup List Request"},
                                   {10, "Get Backup List Response"},
                                   {11, "Become Backup Browser"},
                                   {12, "Domain/Workgroup Announcement"},
                                   {13, "Master Announcement"},
                                   {14, "Reset Browser State Announcement"},
                                   {15, "Local Master Announcement"}};
// The server type bits as packet-smb-browse.c names them in Info.
constexpr ValueName kServerTypes[] = {
    {0, "Workstation"},           {1, "Server"},           {2, "SQL Server"},      {3, "Domain Controller"},
    {4, "Backup Controller"},     {5, "Time Source"},      {6, "Apple Server"},    {7, "Novell Server"},
    {8, "Domain Member Server"},  {9, "Print Queue Server"}, {10, "Dialin Server"}, {11, "Xenix Server"},
    {12, "NT Workstation"},       {13, "Windows for Workgroups"}, {15, "NT Server"}, {16, "Potential Browser"},
    {17, "Backup Browser"},       {18, "Master Browser"},  {19, "Domain Master Browser"}, {20, "OSF"},
    {21, "VMS"},                  {22, "Windows 95 or above"}, {23, "DFS server"}, {30, "Local List Only"},
    {31, "Domain Enum"}};

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t command = l.number(field::BrowserCommand);
    const std::string_view name = valueName(kCommands, command);
    if (name.empty()) {
        out += "Unknown command:";
        appendHex(out, command, 2);
    } else {
        out += name;
    }
    if (l.has(hf.server) && command != 8) {
        out += ' ';
        out += l.text(hf.server);
    } else if (l.has(hf.responseName)) {
        out += ' ';
        out += l.text(hf.responseName);
    }
    if (l.has(hf.serverType)) {
        const std::uint64_t types = l.number(hf.serverType);
        for (unsigned bit = 0; bit < 32; ++bit) {
            if (!(types >> bit & 1)) continue;
            out += ", ";
            const std::string_view type = valueName(kServerTypes, bit);
            if (type.empty()) {
                out += "Unknown server type:";
                appendDecimal(out, bit);
            } else {
                out += type;
            }
        }
    }
}

std::uint32_t u32le(LayerCursor& c, FieldId id)
{
    const std::size_t at = c.pos();
    const ByteSpan b = c.bytes(4);
    if (b.size() != 4) return 0;
    const std::uint32_t v = b[0] | b[1] << 8 | b[2] << 16 | static_cast<std::uint32_t>(b[3]) << 24;
    c.add(id, at, 4, v);
    return v;
}

// A fixed-size name padded with NULs, or a NUL-terminated one when `size` is 0.
void name(LayerCursor& c, std::size_t size, FieldId id)
{
    const ByteSpan rest = c.rest();
    std::size_t n = 0;
    const std::size_t limit = size ? std::min(size, rest.size()) : rest.size();
    while (n < limit && rest[n] != 0) ++n;
    const std::size_t length = size ? size : n + 1;
    if (!c.need(length)) return;
    c.ctx().out.addTextField(id, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(length),
                             std::string_view(reinterpret_cast<const char*>(rest.data()), n));
    c.skip(length);
}

}  // namespace

void dissectBrowserMessage(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "BROWSER", "browser", p.data, p.at, p.reported);
    ctx.setProtocol("BROWSER");
    const std::uint8_t command = c.u8(field::BrowserCommand);
    if (!c.ok()) return;
    ctx.setInfo(writeInfo, c.layer());
    switch (command) {
    case 1:
    case 12:
    case 13:
    case 15:
        if (command == 13) {
            name(c, 0, hf.server);
            break;
        }
        c.u8(hf.updateCount);
        u32le(c, hf.period);
        name(c, 16, hf.server);
        c.u8(hf.osMajor);
        c.u8(hf.osMinor);
        u32le(c, hf.serverType);
        if (command == 12) {
            c.skip(4);  // election version and signature, unused in domain announcements
            name(c, 0, hf.mbServer);
        } else {
            c.u8(hf.protoMajor);
            c.u8(hf.protoMinor);
            c.u16le(hf.sig);
            name(c, 0, hf.comment);
        }
        break;
    case 2:
        c.u8(hf.unused);
        name(c, 0, hf.responseName);
        break;
    case 8:
        c.u8(hf.electionVersion);
        u32le(c, hf.electionCriteria);
        u32le(c, hf.uptime);
        c.skip(4);
        name(c, 0, hf.server);
        break;
    default: break;
    }
}

void registerBrowser(ProtocolRegistrar& r)
{
    r.protocol("browser");
    hf.updateCount = r.field({"browser.update_count", "Update Count", FieldKind::Unsigned, 8});
    hf.period = r.field({"browser.period", "Update Periodicity", FieldKind::Unsigned, 32});
    hf.server = r.field({"browser.server", "Server Name", FieldKind::String});
    hf.mbServer = r.field({"browser.mb_server", "Master Browser Server Name", FieldKind::String});
    hf.osMajor = r.field({"browser.os_major", "OS Major Version", FieldKind::Unsigned, 8});
    hf.osMinor = r.field({"browser.os_minor", "OS Minor Version", FieldKind::Unsigned, 8});
    hf.serverType = r.field({"browser.server_type", "Server Type", FieldKind::Hex, 32});
    hf.protoMajor = r.field({"browser.proto_major", "Browser Protocol Major Version", FieldKind::Unsigned, 8});
    hf.protoMinor = r.field({"browser.proto_minor", "Browser Protocol Minor Version", FieldKind::Unsigned, 8});
    hf.sig = r.field({"browser.sig", "Signature", FieldKind::Hex, 16});
    hf.comment = r.field({"browser.comment", "Host Comment", FieldKind::String});
    hf.unused = r.field({"browser.unused", "Unused flags", FieldKind::Hex, 8});
    hf.responseName = r.field({"browser.response_computer_name", "Response Computer Name", FieldKind::String});
    hf.electionVersion = r.field({"browser.election.version", "Election Version", FieldKind::Unsigned, 8});
    hf.electionCriteria = r.field({"browser.election.criteria", "Election Criteria", FieldKind::Hex, 32});
    hf.uptime = r.field({"browser.uptime", "Uptime", FieldKind::Unsigned, 32});
}

}  // namespace rcvmon
