// SPDX-License-Identifier: GPL-2.0-or-later
// SMB2/3 (MS-SMB2 §2.2): the 64-byte header of each command compounded in a message, and
// what Wireshark's Info names from the command bodies — a tree's path, a file's name (from
// the Create request, and by file id afterwards), read and write lengths, directory query
// patterns, information classes and FSCTL codes. Names by file id and requests by message id
// are remembered per connection in fixed tables, as Wireshark's conversation state.
#include "dissect/field_format.h"
#include "dissect/protocols/security_blob.h"
#include "dissect/protocols/smb/nt_status.h"
#include "dissect/protocols/smb/smb.h"
#include "dissect/protocols/tcp_message.h"
#include "dissect/protocols/smb/smb_common.h"
#include "dissect/protocols/smb/smb2_names.h"
#include "dissect/protocols/value_names.h"

#include <string>

namespace rcvmon {
namespace {

struct Smb2Fields {
    FieldId protocolId, headerLen, ntStatus, cmd, flags, flagsResponse, chainOffset, msgId, tid, sesid, aid,
        tree, filename, readLength, writeLength, fileOffset, findLevel, findPattern, cls, fileInfoLevel,
        fsInfoLevel, secInfoLevel, ioctlFunction, pipeName, securityBlob;
} hf;

enum Command : std::uint16_t {
    Negotiate = 0, SessionSetup = 1, SessionLogoff = 2, TreeConnect = 3, TreeDisconnect = 4, Create = 5,
    Close = 6, Flush = 7, Read = 8, Write = 9, Lock = 10, Ioctl = 11, Cancel = 12, KeepAlive = 13, Find = 14,
    Notify = 15, GetInfo = 16, SetInfo = 17, Break = 18,
};

constexpr std::uint32_t kStatusMoreProcessing = 0xC0000016;
constexpr std::uint32_t kStatusBufferOverflow = 0x80000005;
constexpr std::uint32_t kFsctlPipeWait = 0x00110018;
constexpr std::uint32_t kFsctlPipeTransceive = 0x0011C017;
constexpr std::uint32_t kFsctlDfsGetReferrals = 0x00060194;
constexpr std::uint32_t kFsctlDfsGetReferralsEx = 0x000601B0;

// What a request leaves for its response (Wireshark's smb2_saved_info_t).
struct SavedRequest {
    std::uint16_t command = 0;
    std::uint8_t findLevel = 0;
    bool hasName = false, hasPattern = false;
    ShortText name, pattern;
};
struct OpenFile {
    ShortText name;
};

SlotTable<SavedRequest, 2048>& savedRequests()
{
    thread_local SlotTable<SavedRequest, 2048> table;
    return table;
}
SlotTable<OpenFile, 2048>& openFiles()
{
    thread_local SlotTable<OpenFile, 2048> table;
    return table;
}


// A session of this dissection pass.
std::uint64_t sessionKey(const DissectContext& ctx, std::uint64_t sesid)
{
    return sesid ^ (dissectionPass(ctx) * 0x9e3779b97f4a7c15ull);
}

// The file id's two halves folded, for the open-file table.
std::uint64_t fidKey(ByteSpan fid) { return le64(fid, 0) * 0x100000001b3ull ^ le64(fid, 8); }

void appendFile(const LayerView& layer, std::string& out)
{
    if (!layer.has(hf.filename)) return;
    out += " File: ";
    out += layer.text(hf.filename);
}

void appendValue(std::string& out, std::span<const ValueName> names, std::uint64_t v, std::string_view unknownFormat)
{
    // unknownFormat opens the text for an unnamed value: "Unknown (" or "(Level:".
    if (const std::string_view name = valueName(names, v); !name.empty()) {
        out += name;
        return;
    }
    out += unknownFormat;
    appendHex(out, v, 2);
    out += ')';
}

void writeInfo(const LayerView& layer, std::string& out)
{
    const FieldRecord* cmdField = layer.field(hf.cmd);
    if (!cmdField) return;
    const auto cmd = static_cast<std::uint16_t>(cmdField->number);
    const bool response = layer.number(hf.flagsResponse) != 0;
    const std::string_view name = smb2CommandName(cmd);
    appendNameOrNumber(out, name, cmd);
    out += response ? " Response" : " Request";
    const std::uint64_t status = layer.number(hf.ntStatus);
    if (response && status != 0) {
        out += ", Error: ";
        appendNtStatus(out, status);
    }
    switch (cmd) {
    case TreeConnect:
        if (layer.has(hf.tree)) {
            out += " Tree: ";
            out += layer.text(hf.tree);
        }
        break;
    case Read:
    case Write:
        if (!response && layer.has(hf.fileOffset)) {
            out += " Len:";
            appendDecimal(out, layer.number(cmd == Read ? hf.readLength : hf.writeLength));
            out += " Off:";
            appendDecimal(out, layer.number(hf.fileOffset));
        }
        appendFile(layer, out);
        break;
    case Find:
        appendFile(layer, out);
        if (layer.has(hf.findLevel) && (!response || layer.has(hf.findPattern))) {
            out += ' ';
            appendValue(out, smb2FindLevelNames(), layer.number(hf.findLevel), "(Level:");
            out += " Pattern: ";
            out += layer.text(hf.findPattern);
        }
        break;
    case GetInfo:
    case SetInfo:
        if (const FieldRecord* c = layer.field(hf.cls)) {
            out += ' ';
            appendValue(out, smb2ClassNames(), c->number, "Unknown (");
            out += '/';
            if (const FieldRecord* l = layer.field(hf.fileInfoLevel))
                appendValue(out, smb2FileInfoNames(), l->number, "Unknown (");
            else if (const FieldRecord* l = layer.field(hf.fsInfoLevel))
                appendValue(out, smb2FsInfoNames(), l->number, "Unknown (");
            else if (const FieldRecord* l = layer.field(hf.secInfoLevel))
                appendValue(out, smb2SecInfoNames(), l->number, "Unknown (");
        }
        appendFile(layer, out);
        break;
    case Ioctl:
        if (const FieldRecord* f = layer.field(hf.ioctlFunction)) {
            out += ' ';
            const std::string_view fsctl = smb2FsctlName(f->number);
            appendNameOrHex(out, fsctl, f->number, 8);
        }
        appendFile(layer, out);
        if (layer.has(smbFileField())) {
            out += ", File: ";
            out += layer.text(smbFileField());
        }
        if (layer.has(hf.pipeName)) {
            out += " Pipe: ";
            out += layer.text(hf.pipeName);
        }
        break;
    default: appendFile(layer, out); break;
    }
}

void writeEncrypted(const LayerView&, std::string& out) { out += "Encrypted SMB3"; }
void writeSemicolon(const LayerView&, std::string& out) { out += ';'; }

class Command2 {
public:
    Command2(DissectContext& ctx, LayerCursor& c, std::size_t base, std::size_t end)
        : m_ctx(ctx), m_c(c), m_b(c.data()), m_base(base), m_end(end)
    {
    }

    bool have(std::size_t rel, std::size_t n) const { return m_base + rel + n <= m_end && m_base + rel + n <= m_b.size(); }
    std::uint16_t u16(std::size_t rel) const { return have(rel, 2) ? le16(m_b, m_base + rel) : 0; }
    std::uint32_t u32(std::size_t rel) const { return have(rel, 4) ? le32(m_b, m_base + rel) : 0; }
    std::uint64_t u64(std::size_t rel) const { return have(rel, 8) ? le64(m_b, m_base + rel) : 0; }
    void add(FieldId id, std::size_t rel, std::size_t len, std::uint64_t v) { m_c.add(id, m_base + rel, len, v); }
    void text(FieldId id, std::size_t rel, std::size_t len, std::string_view v)
    {
        m_ctx.out.addTextField(id, m_c.layer(), m_c.absolute(m_base + rel), static_cast<std::uint32_t>(len), v);
    }
    // A UTF-16LE string at an offset from the header; false when it lies outside the message.
    bool utf16(std::size_t offset, std::size_t length, std::string& out) const
    {
        out.clear();
        if (!have(offset, length)) return false;
        appendUtf16le(m_b.subspan(m_base + offset, length), out);
        return true;
    }
    Payload payload(std::size_t offset, std::size_t length) const
    {
        if (!have(offset, 0)) return {};
        const std::size_t avail = std::min(length, std::min(m_end, m_b.size()) - (m_base + offset));
        return Payload{m_b.subspan(m_base + offset, avail), length, m_c.absolute(m_base + offset)};
    }
    ByteSpan bytes(std::size_t rel, std::size_t n) const { return have(rel, n) ? m_b.subspan(m_base + rel, n) : ByteSpan{}; }

    // A file id in a request: its name, when its Create was seen (Wireshark's FID_MODE_USE).
    // Open files belong to the session, which may span connections (multichannel).
    void fileId(std::size_t rel)
    {
        const ByteSpan fid = bytes(rel, 16);
        if (fid.empty()) return;
        if (const OpenFile* f = openFiles().find(sessionKey(m_ctx, u64(40)), fidKey(fid)))
            text(hf.filename, rel, 0, f->name.view());
    }

private:
    DissectContext& m_ctx;
    LayerCursor& m_c;
    ByteSpan m_b;
    std::size_t m_base, m_end;
};

// The body of one command; `at` is the body's offset from the header.
void dissectRequest(DissectContext& ctx, Command2& m, std::uint16_t cmd, SavedRequest* saved)
{
    constexpr std::size_t B = 64;
    thread_local std::string text;
    switch (cmd) {
    case SessionSetup: {
        const std::uint16_t off = m.u16(B + 12), len = m.u16(B + 14);
        if (len && m.have(off, len)) dissectSecurityBlob(ctx, m.payload(off, len), BlobCarrier::Smb);
        break;
    }
    case TreeConnect: {
        const std::uint16_t off = m.u16(B + 4), len = m.u16(B + 6);
        if (m.utf16(off, len, text)) m.text(hf.tree, off, len, text);
        break;
    }
    case Create: {
        const std::uint16_t off = m.u16(B + 44), len = m.u16(B + 46);
        if (!m.utf16(off, len, text)) text.clear();
        m.text(hf.filename, off, len, text);
        if (saved) {
            saved->hasName = true;
            saved->name.assign(text);
        }
        break;
    }
    case Close:
    case Flush:
    case Lock:
    case Notify: m.fileId(B + 8); break;
    case Read:
    case Write:
        m.add(cmd == Read ? hf.readLength : hf.writeLength, B + 4, 4, m.u32(B + 4));
        m.add(hf.fileOffset, B + 8, 8, m.u64(B + 8));
        m.fileId(B + 16);
        if (cmd == Write) {
            const std::uint16_t off = m.u16(B + 2);
            const std::uint32_t len = m.u32(B + 4);
            if (len && m.have(off, 1) && !dissectDcerpcOnPipe(ctx, m.payload(off, len))) dissectData(ctx, m.payload(off, len));
        }
        break;
    case Find: {
        const std::uint8_t level = m.have(B + 2, 1) ? m.bytes(B + 2, 1)[0] : 0;
        m.add(hf.findLevel, B + 2, 1, level);
        m.fileId(B + 8);
        const std::uint16_t off = m.u16(B + 24), len = m.u16(B + 26);
        if (!m.utf16(off, len, text)) text.clear();
        m.text(hf.findPattern, off, len, text);
        if (saved) {
            saved->findLevel = level;
            saved->hasPattern = len > 0;
            saved->pattern.assign(text);
        }
        break;
    }
    case GetInfo:
    case SetInfo: {
        const ByteSpan two = m.bytes(B + 2, 2);
        if (two.empty()) break;
        m.add(hf.cls, B + 2, 1, two[0]);
        const FieldId level = two[0] == 1 ? hf.fileInfoLevel : two[0] == 2 ? hf.fsInfoLevel : hf.secInfoLevel;
        if (two[0] >= 1 && two[0] <= 3) m.add(level, B + 3, 1, two[1]);
        m.fileId(cmd == GetInfo ? B + 24 : B + 16);
        break;
    }
    case Ioctl: {
        const std::uint32_t function = m.u32(B + 4);
        m.add(hf.ioctlFunction, B + 4, 4, function);
        m.fileId(B + 8);
        const std::uint32_t inOff = m.u32(B + 24), inLen = m.u32(B + 28);
        if (function == kFsctlPipeWait && inLen >= 14) {
            const std::uint32_t nameLen = m.u32(inOff + 8);
            if (m.utf16(inOff + 14, nameLen, text)) m.text(hf.pipeName, inOff + 14, nameLen, text);
        } else if (function == kFsctlPipeTransceive && inLen) {
            dissectDcerpcOnPipe(ctx, m.payload(inOff, inLen));
        } else if ((function == kFsctlDfsGetReferrals || function == kFsctlDfsGetReferralsEx) && inLen > 2) {
            // REQ_GET_DFS_REFERRAL (MS-DFSC §2.2.2): MaxReferralLevel, then the name.
            if (m.utf16(inOff + 2, inLen - 2, text)) m.text(smbFileField(), inOff + 2, inLen - 2, text);
        }
        break;
    }
    default: break;
    }
}

void dissectResponse(DissectContext& ctx, Command2& m, std::uint16_t cmd, std::uint32_t status, SavedRequest* saved)
{
    constexpr std::size_t B = 64;
    // Wireshark reads a Find response's saved level and pattern before it looks at the status.
    if (cmd == Find && saved && saved->hasPattern) {
        m.add(hf.findLevel, B, 0, saved->findLevel);
        m.text(hf.findPattern, B, 0, saved->pattern.view());
    }
    const bool ok = status == 0 || (cmd == SessionSetup && status == kStatusMoreProcessing) ||
                    ((cmd == Read || cmd == Ioctl) && status == kStatusBufferOverflow);
    if (!ok) return;
    switch (cmd) {
    case Negotiate: {  // the server's SPNEGO hints (MS-SMB2 §2.2.4)
        const std::uint16_t off = m.u16(B + 56), len = m.u16(B + 58);
        if (len && m.have(off, len)) dissectSecurityBlob(ctx, m.payload(off, len), BlobCarrier::Smb);
        break;
    }
    case SessionSetup: {
        const std::uint16_t off = m.u16(B + 4), len = m.u16(B + 6);
        if (len && m.have(off, len)) dissectSecurityBlob(ctx, m.payload(off, len), BlobCarrier::Smb);
        break;
    }
    case Create: {
        const ByteSpan fid = m.bytes(B + 64, 16);
        if (saved && saved->hasName) {
            m.text(hf.filename, B + 64, 0, saved->name.view());
            if (!fid.empty()) openFiles().insert(sessionKey(ctx, m.u64(40)), fidKey(fid)).name = saved->name;
        }
        break;
    }
    case Read: {
        const std::uint8_t off = m.have(B + 2, 1) ? m.bytes(B + 2, 1)[0] : 0;
        const std::uint32_t len = m.u32(B + 4);
        if (len && m.have(off, 1) && !dissectDcerpcOnPipe(ctx, m.payload(off, len))) dissectData(ctx, m.payload(off, len));
        break;
    }
    case Ioctl: {
        const std::uint32_t function = m.u32(B + 4);
        m.add(hf.ioctlFunction, B + 4, 4, function);
        const std::uint32_t outOff = m.u32(B + 32), outLen = m.u32(B + 36);
        if (function == kFsctlPipeTransceive && outLen) dissectDcerpcOnPipe(ctx, m.payload(outOff, outLen));
        break;
    }
    default: break;
    }
}

// One command at `base`; returns its NextCommand offset (0: the last).
std::uint32_t dissectCommand(DissectContext& ctx, const Payload& p, std::size_t base, bool first)
{
    // Each command is an SMB2 item of its own in Wireshark's tree; the protocol counts once per
    // message, and each message of the segment replaces Info (Wireshark clears the column).
    const std::uint32_t next = base + 24 <= p.data.size() ? le32(p.data, base + 20) : 0;
    const std::size_t end = next && base + next <= p.reported ? base + next : p.reported;
    LayerCursor c(ctx, "SMB2", "smb2", p.data, p.at, p.reported);
    if (!first) c.unlisted();
    if (first) {
        ctx.setInfo(writeInfo, c.layer());
    } else {
        ctx.appendInfo(writeSemicolon, c.layer(), "");
        ctx.appendInfo(writeInfo, c.layer(), "");
    }
    if (!c.skip(base) || !c.need(64)) return 0;
    const ByteSpan b = p.data;
    c.add(hf.protocolId, base, 4, 0xfe534d42);
    c.add(hf.headerLen, base + 4, 2, le16(b, base + 4));
    const std::uint32_t flags = le32(b, base + 16);
    const bool response = flags & 1;
    const std::uint32_t status = le32(b, base + 8);
    if (response) c.add(hf.ntStatus, base + 8, 4, status);
    const std::uint16_t cmd = le16(b, base + 12);
    c.add(hf.cmd, base + 12, 2, cmd);
    c.add(hf.flags, base + 16, 4, flags);
    c.add(hf.flagsResponse, base + 16, 4, response);
    c.add(hf.chainOffset, base + 20, 4, next);
    const std::uint64_t msgId = le64(b, base + 24);
    c.add(hf.msgId, base + 24, 8, msgId);
    if (flags & 2) {
        c.add(hf.aid, base + 32, 8, le64(b, base + 32));
    } else {
        c.add(hf.tid, base + 36, 4, le32(b, base + 36));
    }
    c.add(hf.sesid, base + 40, 8, le64(b, base + 40));
    Command2 m(ctx, c, base, end);
    auto& saved = savedRequests();
    const std::uint64_t conn = connectionKey(ctx);
    if (!response) {
        SavedRequest& s = saved.insert(conn, msgId);
        s.command = cmd;
        dissectRequest(ctx, m, cmd, &s);
    } else {
        SavedRequest* s = saved.find(conn, msgId);
        if (s && s->command != cmd) s = nullptr;
        // An interim STATUS_PENDING answer leaves the request for the final one.
        dissectResponse(ctx, m, cmd, status, s);
    }
    return next;
}

}  // namespace

void dissectSmb2(DissectContext& ctx, const Payload& p, int)
{
    ctx.setProtocol("SMB2");
    if (p.data.size() >= 4 && p.data[0] == 0xfd) {  // SMB 3 transform header (§2.2.41)
        LayerCursor c(ctx, "SMB2", "smb2", p.data, p.at, p.reported);
        ctx.setInfo(writeEncrypted, c.layer());
        return;
    }
    std::size_t base = 0;
    for (int i = 0; i < 64; ++i) {
        const std::uint32_t next = dissectCommand(ctx, p, base, i == 0);
        // A next command the capture cut off is not shown (Wireshark stops at the cut).
        if (next < 64 || base + next >= p.reported || base + next >= p.data.size()) break;
        base += next;
    }
}

void registerSmb2(ProtocolRegistrar& r)
{
    r.protocol("smb2");
    hf.protocolId = r.field({"smb2.protocol_id", "ProtocolId", FieldKind::Hex, 32});
    hf.headerLen = r.field({"smb2.header_len", "Header Length", FieldKind::Unsigned, 16});
    hf.ntStatus = r.field({"smb2.nt_status", "NT Status", FieldKind::Hex, 32, ntStatusNames()});
    hf.cmd = r.field({"smb2.cmd", "Command", FieldKind::Unsigned, 16, smb2CommandValues()});
    hf.flags = r.field({"smb2.flags", "Flags", FieldKind::Hex, 32});
    hf.flagsResponse = r.field({"smb2.flags.response", "Response", FieldKind::Bool, 32, {}, 0x1});
    hf.chainOffset = r.field({"smb2.chain_offset", "Chain Offset", FieldKind::Hex, 32});
    hf.msgId = r.field({"smb2.msg_id", "Message ID", FieldKind::Unsigned, 64});
    hf.tid = r.field({"smb2.tid", "Tree Id", FieldKind::Hex, 32});
    hf.aid = r.field({"smb2.aid", "Async Id", FieldKind::Hex, 64});
    hf.sesid = r.field({"smb2.sesid", "Session Id", FieldKind::Hex, 64});
    hf.tree = r.field({"smb2.tree", "Tree", FieldKind::String});
    hf.filename = r.field({"smb2.filename", "Filename", FieldKind::String});
    hf.readLength = r.field({"smb2.read_length", "Read Length", FieldKind::Unsigned, 32});
    hf.writeLength = r.field({"smb2.write_length", "Write Length", FieldKind::Unsigned, 32});
    hf.fileOffset = r.field({"smb2.file_offset", "File Offset", FieldKind::Unsigned, 64});
    hf.findLevel = r.field({"smb2.find.infolevel", "Info Level", FieldKind::Unsigned, 32, smb2FindLevelNames()});
    hf.findPattern = r.field({"smb2.find.pattern", "Search Pattern", FieldKind::String});
    hf.cls = r.field({"smb2.class", "Class", FieldKind::Hex, 8, smb2ClassNames()});
    hf.fileInfoLevel = r.field({"smb2.file_info.infolevel", "InfoLevel", FieldKind::Hex, 8, smb2FileInfoNames()});
    hf.fsInfoLevel = r.field({"smb2.fs_info.infolevel", "InfoLevel", FieldKind::Hex, 8, smb2FsInfoNames()});
    hf.secInfoLevel = r.field({"smb2.sec_info.infolevel", "InfoLevel", FieldKind::Hex, 8, smb2SecInfoNames()});
    hf.ioctlFunction = r.field({"smb2.ioctl.function", "Function", FieldKind::Hex, 32});
    hf.pipeName = r.field({"smb2.fsctl.wait.name", "Name", FieldKind::String});
    hf.securityBlob = r.field({"smb2.security_blob", "Security Blob", FieldKind::Bytes});
}

}  // namespace rcvmon
