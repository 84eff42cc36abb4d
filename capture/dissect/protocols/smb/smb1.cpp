// SPDX-License-Identifier: GPL-2.0-or-later
// SMB (MS-CIFS §2.2.3, MS-SMB) over the session service: the header, the AndX chain, and what
// Wireshark's Info names from the commands seen most (paths, FIDs, read sizes, Trans2
// subcommands and levels, the user of a Session Setup), NTLMSSP in extended security, and
// DCE/RPC on named pipes (Trans, Read/Write AndX). Requests are remembered by multiplex id
// per connection for their responses.
#include "dissect/field_format.h"
#include "dissect/protocols/security_blob.h"
#include "dissect/protocols/smb/nt_status.h"
#include "dissect/protocols/smb/smb.h"
#include "dissect/protocols/tcp_message.h"
#include "dissect/protocols/smb/smb_common.h"
#include "dissect/protocols/value_names.h"

#include <string>

namespace rcvmon {
namespace {

struct SmbFields {
    FieldId ntStatus, response, mid, tid, uid, fid, path, file, trans2Cmd, qpiLevel, qfsiLevel,
        searchPattern, offset, maxCount, dataLen, account, domain, errorClass, errorCode;
} hf;

constexpr std::string_view commandName(std::uint8_t c)
{
    switch (c) {
    case 0x00: return "Create Directory";
    case 0x01: return "Delete Directory";
    case 0x02: return "Open";
    case 0x03: return "Create";
    case 0x04: return "Close";
    case 0x05: return "Flush";
    case 0x06: return "Delete";
    case 0x07: return "Rename";
    case 0x08: return "Query Information";
    case 0x09: return "Set Information";
    case 0x0a: return "Read";
    case 0x0b: return "Write";
    case 0x0c: return "Lock Byte Range";
    case 0x0d: return "Unlock Byte Range";
    case 0x0e: return "Create Temp";
    case 0x0f: return "Create New";
    case 0x10: return "Check Directory";
    case 0x11: return "Process Exit";
    case 0x12: return "Seek";
    case 0x13: return "Lock And Read";
    case 0x14: return "Write And Unlock";
    case 0x1a: return "Read Raw";
    case 0x1b: return "Read MPX";
    case 0x1c: return "Read MPX Secondary";
    case 0x1d: return "Write Raw";
    case 0x1e: return "Write MPX";
    case 0x1f: return "Write MPX Secondary";
    case 0x20: return "Write Complete";
    case 0x22: return "Set Information2";
    case 0x23: return "Query Information2";
    case 0x24: return "Locking AndX";
    case 0x25: return "Trans";
    case 0x26: return "Trans Secondary";
    case 0x27: return "IOCTL";
    case 0x28: return "IOCTL Secondary";
    case 0x29: return "Copy";
    case 0x2a: return "Move";
    case 0x2b: return "Echo";
    case 0x2c: return "Write And Close";
    case 0x2d: return "Open AndX";
    case 0x2e: return "Read AndX";
    case 0x2f: return "Write AndX";
    case 0x31: return "Close And Tree Disconnect";
    case 0x32: return "Trans2";
    case 0x33: return "Trans2 Secondary";
    case 0x34: return "Find Close2";
    case 0x35: return "Find Notify Close";
    case 0x70: return "Tree Connect";
    case 0x71: return "Tree Disconnect";
    case 0x72: return "Negotiate Protocol";
    case 0x73: return "Session Setup AndX";
    case 0x74: return "Logoff AndX";
    case 0x75: return "Tree Connect AndX";
    case 0x80: return "Query Information Disk";
    case 0x81: return "Search";
    case 0x82: return "Find";
    case 0x83: return "Find Unique";
    case 0x84: return "Find Close";
    case 0xa0: return "NT Trans";
    case 0xa1: return "NT Trans Secondary";
    case 0xa2: return "NT Create AndX";
    case 0xa4: return "NT Cancel";
    case 0xa5: return "NT Rename";
    case 0xc0: return "Open Print File";
    case 0xc1: return "Write Print File";
    case 0xc2: return "Close Print File";
    case 0xc3: return "Get Print Queue";
    default: return {};
    }
}

constexpr ValueName kTrans2[] = {
    {0x00, "OPEN2"}, {0x01, "FIND_FIRST2"}, {0x02, "FIND_NEXT2"}, {0x03, "QUERY_FS_INFO"}, {0x04, "SET_FS_INFO"},
    {0x05, "QUERY_PATH_INFO"}, {0x06, "SET_PATH_INFO"}, {0x07, "QUERY_FILE_INFO"}, {0x08, "SET_FILE_INFO"},
    {0x09, "FSCTL"}, {0x0a, "IOCTL2"}, {0x0b, "FIND_NOTIFY_FIRST"}, {0x0c, "FIND_NOTIFY_NEXT"},
    {0x0d, "CREATE_DIRECTORY"}, {0x0e, "SESSION_SETUP"}, {0x10, "GET_DFS_REFERRAL"},
    {0x11, "REPORT_DFS_INCONSISTENCY"},
};
constexpr ValueName kQpiLevels[] = {
    {1, "Info Standard"}, {2, "Info Query EA Size"}, {3, "Info Query EAs From List"}, {4, "Info Query All EAs"},
    {6, "Info Is Name Valid"}, {0x101, "Query File Basic Info"}, {0x102, "Query File Standard Info"},
    {0x103, "Query File EA Info"}, {0x104, "Query File Name Info"}, {0x107, "Query File All Info"},
    {0x108, "Query File Alt Name Info"}, {0x109, "Query File Stream Info"},
    {0x10b, "Query File Compression Info"}, {0x200, "Query File Unix Basic"}, {0x201, "Query File Unix Link"},
    {1004, "Query File Basic Info"}, {1005, "Query File Standard Info"}, {1006, "Query File Internal Info"},
    {1007, "Query File EA Info"}, {1009, "Query File Name Info"}, {1018, "Query File All Info"},
    {1021, "Query File Alt Name Info"}, {1022, "Query File Stream Info"}, {1028, "Query File Compression Info"},
    {1034, "Query File Network Open Info"}, {1035, "Query File Attribute Tag Info"},
};
constexpr ValueName kQfsiLevels[] = {
    {1, "Info Allocation"}, {2, "Info Volume"}, {0x102, "Query FS Volume Info"}, {0x103, "Query FS Size Info"},
    {0x104, "Query FS Device Info"}, {0x105, "Query FS Attribute Info"}, {0x200, "Unix Query FS Info"},
    {0x301, "Mac Query FS Info"}, {1001, "Query FS Label Info"}, {1002, "Query FS Volume Info"},
    {1003, "Query FS Size Info"}, {1004, "Query FS Device Info"}, {1005, "Query FS Attribute Info"},
    {1006, "Query FS Quota Info"}, {1007, "Query FS Full Size Info"}, {1008, "Query FS Object ID Info"},
};

// What a request leaves for its response, and which FIDs are named pipes.
struct Saved {
    std::uint8_t command = 0;
    std::uint16_t fid = 0, trans2 = 0;
    bool hasFid = false, hasTrans2 = false;
};
struct Pipe {
    bool pipe = false;  // a named pipe, else a file whose open was seen
};
SlotTable<Saved, 1024>& savedRequests()
{
    thread_local SlotTable<Saved, 1024> table;
    return table;
}
SlotTable<Pipe, 512>& pipes()
{
    thread_local SlotTable<Pipe, 512> table;
    return table;
}

void appendFid(std::string& out, std::uint64_t fid)
{
    out += ", FID: ";
    appendHex(out, fid, 4);
}

void appendLevel(std::string& out, std::span<const ValueName> names, std::uint64_t v)
{
    appendNameOrHex(out, valueName(names, v), v, 4);
}

void writeInfo(const LayerView& layer, std::string& out)
{
    const FieldRecord* cmdField = layer.field(field::SmbCmd);
    if (!cmdField) return;
    const auto cmd = static_cast<std::uint8_t>(cmdField->number);
    const bool response = layer.number(hf.response) != 0;
    const std::string_view name = commandName(cmd);
    appendNameOrHex(out, name, cmd, 2);
    out += response ? " Response" : " Request";
    switch (cmd) {
    case 0x73:  // Session Setup AndX: the user of a non-extended request
        if (layer.has(hf.account)) {
            out += ", User: ";
            out += layer.text(hf.domain);
            out += '\\';
            out += layer.text(hf.account);
        }
        break;
    case 0x75:
    case 0xa2:
    case 0x08:
        if (layer.has(hf.path)) {
            out += ", Path: ";
            out += layer.text(hf.path);
        }
        if (cmd == 0xa2 && response) appendFid(out, layer.number(hf.fid));
        break;
    case 0x04:
        if (layer.has(hf.fid)) appendFid(out, layer.number(hf.fid));
        break;
    case 0x2e:
    case 0x2f:
        if (layer.has(hf.fid)) appendFid(out, layer.number(hf.fid));
        if (const FieldId size = !response && cmd == 0x2e ? hf.maxCount : hf.dataLen; layer.has(size)) {
            out += ", ";
            appendDecimal(out, layer.number(size));
            out += " bytes";
            if (layer.has(hf.offset)) {
                out += " at offset ";
                appendDecimal(out, layer.number(hf.offset));
            }
        }
        break;
    case 0x33:
        if (layer.has(hf.fid)) appendFid(out, layer.number(hf.fid));
        break;
    case 0x32:
        if (response && !layer.has(hf.trans2Cmd)) out += "<unknown>";  // its request was not seen
        if (const FieldRecord* sub = layer.field(hf.trans2Cmd)) {
            if (response && layer.has(hf.fid)) appendFid(out, layer.number(hf.fid));
            out += ", ";
            appendLevel(out, kTrans2, sub->number);
            if (!response && layer.has(hf.fid)) appendFid(out, layer.number(hf.fid));
            if (const FieldRecord* l = layer.field(hf.qpiLevel)) {
                out += ", ";
                appendLevel(out, kQpiLevels, l->number);
            } else if (const FieldRecord* l = layer.field(hf.qfsiLevel)) {
                out += ", ";
                appendLevel(out, kQfsiLevels, l->number);
            }
            if (layer.has(hf.file)) {
                out += ", Path: ";
                out += layer.text(hf.file);
            }
            if (layer.has(hf.searchPattern)) {
                out += ", Pattern: ";
                out += layer.text(hf.searchPattern);
            }
        }
        break;
    default: break;
    }
}

// A response's error comes last, after what the command's body appended (NTLMSSP).
void writeError(const LayerView& layer, std::string& out)
{
    const std::uint64_t status = layer.number(hf.ntStatus);
    if (layer.number(hf.response) && status != 0) {
        out += ", Error: ";
        appendNtStatus(out, status);
    }
}

// The AndX commands after the first: "; Logoff AndX".
void writeAndx(const LayerView& layer, std::string& out)
{
    bool first = true;
    layer.forEach(field::SmbCmd, [&](const FieldRecord& f) {
        if (first) {  // the message's own command
            first = false;
            return;
        }
        out += "; ";
        const std::string_view n = commandName(static_cast<std::uint8_t>(f.number));
        appendNameOrHex(out, n, f.number, 2);
    });
}

class Message {
public:
    Message(DissectContext& ctx, LayerCursor& c, bool unicode) : m_ctx(ctx), m_c(c), m_b(c.data()), m_unicode(unicode) {}
    bool have(std::size_t at, std::size_t n) const { return at + n <= m_b.size(); }
    std::uint8_t u8(std::size_t at) const { return at < m_b.size() ? m_b[at] : 0; }
    std::uint16_t u16(std::size_t at) const { return le16(m_b, at); }
    std::uint32_t u32(std::size_t at) const { return le32(m_b, at); }
    void add(FieldId id, std::size_t at, std::size_t len, std::uint64_t v) { m_c.add(id, at, len, v); }
    // A NUL-terminated string at `at` (Unicode strings are 2-byte aligned from the SMB header);
    // returns the offset after it.
    std::size_t string(FieldId id, std::size_t at, std::size_t end)
    {
        thread_local std::string text;
        text.clear();
        end = std::min(end, m_b.size());
        if (at > end) return end;
        std::size_t p = at;
        if (m_unicode) {
            if (p & 1) ++p;
            std::size_t q = p;
            while (q + 1 < end && (m_b[q] | m_b[q + 1]) != 0) q += 2;
            appendUtf16le(m_b.subspan(p, q - p), text);
            if (id != LayerCursor::kNone)
                m_ctx.out.addTextField(id, m_c.layer(), m_c.absolute(p), static_cast<std::uint32_t>(q - p), text);
            return std::min(q + 2, end);
        }
        std::size_t q = p;
        while (q < end && m_b[q] != 0) ++q;
        text.assign(reinterpret_cast<const char*>(m_b.data() + p), q - p);
        if (id != LayerCursor::kNone)
            m_ctx.out.addTextField(id, m_c.layer(), m_c.absolute(p), static_cast<std::uint32_t>(q - p), text);
        return std::min(q + 1, end);
    }
    Payload payload(std::size_t at, std::size_t len) const
    {
        if (at > m_b.size()) return {};
        const std::size_t avail = std::min(len, m_b.size() - at);
        return Payload{m_b.subspan(at, avail), len, m_c.absolute(at)};
    }

private:
    DissectContext& m_ctx;
    LayerCursor& m_c;
    ByteSpan m_b;
    bool m_unicode;
};

// One command's words at `w` (after the word count) and bytes at `bytes`.
void dissectCommand(DissectContext& ctx, Message& m, std::uint8_t cmd, bool response, std::uint32_t status,
                    std::size_t w, std::uint8_t wc, std::size_t bytes, std::size_t bytesEnd, Saved* saved)
{
    const std::uint64_t conn = connectionKey(ctx);
    switch (cmd) {
    case 0x73:  // Session Setup AndX
        if (!response && wc == 12) {
            const std::uint16_t blobLen = m.u16(w + 14);
            if (blobLen) dissectSecurityBlob(ctx, m.payload(bytes, blobLen), BlobCarrier::Smb);
        } else if (!response && wc == 13) {
            const std::size_t passwords = std::size_t{m.u16(w + 14)} + m.u16(w + 16);
            std::size_t at = m.string(hf.account, bytes + passwords, bytesEnd);
            m.string(hf.domain, at, bytesEnd);
        } else if (response && wc == 4) {
            const std::uint16_t blobLen = m.u16(w + 6);
            if (blobLen) dissectSecurityBlob(ctx, m.payload(bytes, blobLen), BlobCarrier::Smb);
        }
        break;
    case 0x75:  // Tree Connect AndX: password, then the path
        if (!response && wc == 4) m.string(hf.path, bytes + m.u16(w + 6), bytesEnd);
        break;
    case 0xa2:  // NT Create AndX
        if (!response && wc == 24) {
            m.string(hf.path, bytes, bytesEnd);
        } else if (response) {
            const std::uint16_t fid = wc >= 3 ? m.u16(w + 5) : 0;
            m.add(hf.fid, w + 5, 2, fid);
            // FILE_TYPE_MESSAGE_MODE_PIPE / BYTE_MODE_PIPE (MS-SMB §2.2.4.9.2 ResourceType).
            const std::uint16_t type = wc >= 34 ? m.u16(w + 63) : 0;
            if (status == 0) pipes().insert(conn, fid).pipe = type == 1 || type == 2;
        }
        break;
    case 0x08:
        if (!response) m.string(hf.path, bytes + 1, bytesEnd);  // a buffer format byte first
        break;
    case 0x04:
        if (!response && wc >= 1) {
            m.add(hf.fid, w, 2, m.u16(w));
            // Wireshark names the FID in the response only when it saw the file opened.
            if (saved && pipes().find(conn, m.u16(w))) {
                saved->fid = m.u16(w);
                saved->hasFid = true;
            }
        } else if (response && saved && saved->hasFid) {
            m.add(hf.fid, w, 0, saved->fid);
        }
        break;
    case 0x2e:  // Read AndX
        if (!response && wc >= 10) {
            const std::uint16_t fid = m.u16(w + 4);
            m.add(hf.fid, w + 4, 2, fid);
            m.add(hf.offset, w + 6, 4, m.u32(w + 6));
            m.add(hf.maxCount, w + 10, 2, m.u16(w + 10));
            if (saved) {
                saved->fid = fid;
                saved->hasFid = true;
            }
        } else if (response && wc >= 12) {
            if (saved && saved->hasFid) m.add(hf.fid, w, 0, saved->fid);
            const std::uint16_t len = m.u16(w + 10), off = m.u16(w + 12);
            m.add(hf.dataLen, w + 10, 2, len);
            const Pipe* p = saved && saved->hasFid ? pipes().find(conn, saved->fid) : nullptr;
            if (p && p->pipe && len) dissectDcerpcOnPipe(ctx, m.payload(off, len));
        }
        break;
    case 0x2f:  // Write AndX
        if (!response && wc >= 12) {
            const std::uint16_t fid = m.u16(w + 4);
            m.add(hf.fid, w + 4, 2, fid);
            m.add(hf.offset, w + 6, 4, m.u32(w + 6));
            const std::uint16_t len = m.u16(w + 20), off = m.u16(w + 22);
            m.add(hf.dataLen, w + 20, 2, len);
            if (saved) {
                saved->fid = fid;
                saved->hasFid = true;
            }
            const Pipe* p = pipes().find(conn, fid);
            if (p && p->pipe && len) dissectDcerpcOnPipe(ctx, m.payload(off, len));
        } else if (response && wc >= 6) {
            if (saved && saved->hasFid) m.add(hf.fid, w, 0, saved->fid);
            m.add(hf.dataLen, w + 4, 2, m.u16(w + 4));
        }
        break;
    case 0x25: {  // Trans: a pipe transaction (SMB Pipe protocol) whose data is DCE/RPC
        std::uint16_t dataCount = 0, dataOffset = 0;
        if (!response && wc >= 14) {
            dataCount = m.u16(w + 22);
            dataOffset = m.u16(w + 24);
        } else if (response && wc >= 10) {
            dataCount = m.u16(w + 12);
            dataOffset = m.u16(w + 14);
        }
        const Payload data = m.payload(dataOffset, dataCount);
        if (dataCount && !data.data.empty() && data.data[0] == 5) {
            // Wireshark's SMB Pipe item counts in the hierarchy but not in frame.protocols.
            const std::uint16_t pipe = ctx.out.addLayer("SMB Pipe", "smb_pipe", data.at,
                                                        static_cast<std::uint32_t>(data.data.size()), ctx.inReassembled);
            ctx.out.layer(pipe).listed = false;
            dissectDcerpcOnPipe(ctx, data);
        }
        break;
    }
    case 0x33:  // Trans2 Secondary
        if (!response && wc >= 9) m.add(hf.fid, w + 16, 2, m.u16(w + 16));
        break;
    case 0x32:  // Trans2
        if (!response && wc >= 15) {
            const std::uint16_t sub = m.u16(w + 28);
            const std::uint16_t paramOffset = m.u16(w + 20);
            m.add(hf.trans2Cmd, w + 28, 2, sub);
            if (saved) {
                saved->trans2 = sub;
                saved->hasTrans2 = true;
            }
            if (sub == 0x01) {  // FIND_FIRST2: attributes, count, flags, level, storage, pattern
                m.string(hf.searchPattern, paramOffset + 12, bytesEnd);
            } else if (sub == 0x03) {
                m.add(hf.qfsiLevel, paramOffset, 2, m.u16(paramOffset));
            } else if (sub == 0x05) {
                m.add(hf.qpiLevel, paramOffset, 2, m.u16(paramOffset));
                m.string(hf.file, paramOffset + 6, bytesEnd);
            } else if (sub == 0x07) {
                m.add(hf.fid, paramOffset, 2, m.u16(paramOffset));
                m.add(hf.qpiLevel, paramOffset + 2, 2, m.u16(paramOffset + 2));
                if (saved) {
                    saved->fid = m.u16(paramOffset);
                    saved->hasFid = true;
                }
            }
        } else if (response && saved && saved->hasTrans2) {
            if (saved->trans2 == 0x07 && saved->hasFid) m.add(hf.fid, w, 0, saved->fid);
            m.add(hf.trans2Cmd, w, 0, saved->trans2);
        }
        break;
    default: break;
    }
}

}  // namespace

void dissectSmb1(DissectContext& ctx, const Payload& p, int)
{
    ctx.setProtocol("SMB");
    LayerCursor c(ctx, "SMB", "smb", p.data, p.at, p.reported);
    ctx.setInfo(writeInfo, c.layer());
    if (!c.need(33)) return;
    const ByteSpan b = p.data;
    const std::uint8_t cmd = b[4];
    c.add(field::SmbCmd, 4, 1, cmd);
    const std::uint16_t flags2 = le16(b, 10);
    const bool response = (b[9] & 0x80) != 0;
    const std::uint32_t status = le32(b, 5);
    if (flags2 & 0x4000) c.add(hf.ntStatus, 5, 4, status);
    else {
        c.add(hf.errorClass, 5, 1, b[5]);
        c.add(hf.errorCode, 7, 2, le16(b, 7));
    }
    c.add(hf.response, 9, 1, response);
    c.add(hf.tid, 24, 2, le16(b, 24));
    c.add(hf.uid, 28, 2, le16(b, 28));
    const std::uint16_t mid = le16(b, 30);
    c.add(hf.mid, 30, 2, mid);
    Message m(ctx, c, (flags2 & 0x8000) != 0);
    const std::uint64_t conn = connectionKey(ctx);
    Saved* saved = nullptr;
    if (!response) {
        saved = &savedRequests().insert(conn, mid);
        saved->command = cmd;
    } else {
        saved = savedRequests().find(conn, mid);
        if (saved && saved->command != cmd) saved = nullptr;
    }
    // The command and the AndX commands chained after it (MS-CIFS §2.2.3.4).
    std::size_t at = 32;
    std::uint8_t current = cmd;
    for (int i = 0; i < 16 && at < b.size(); ++i) {
        const std::uint8_t wc = b[at];
        const std::size_t w = at + 1;
        const std::size_t bytesAt = w + std::size_t{wc} * 2;
        if (bytesAt + 2 > b.size()) break;
        const std::size_t bytes = bytesAt + 2;
        const std::size_t bytesEnd = bytes + le16(b, bytesAt);
        if (i == 0) dissectCommand(ctx, m, current, response, status, w, wc, bytes, bytesEnd, saved);
        const bool andx = current == 0x73 || current == 0x74 || current == 0x75 || current == 0xa2 ||
                          current == 0x2e || current == 0x2f || current == 0x24 || current == 0x2d;
        if (!andx || wc < 2) break;
        const std::uint8_t next = b[w];
        const std::uint16_t nextAt = le16(b, w + 2);
        if (next == 0xff || nextAt <= at || nextAt >= b.size()) break;
        if (i == 0) ctx.appendInfo(writeAndx, c.layer(), "");
        c.add(field::SmbCmd, w, 1, next);
        current = next;
        at = nextAt;
    }
    ctx.appendInfo(writeError, c.layer(), "");
}

FieldId smbFileField() { return hf.file; }

void registerSmb(ProtocolRegistrar& r)
{
    r.protocol("smb");
    hf.ntStatus = r.field({"smb.nt_status", "NT Status", FieldKind::Hex, 32, ntStatusNames()});
    hf.response = r.field({"smb.flags.response", "Request/Response", FieldKind::Bool, 8, {}, 0x80});
    hf.mid = r.field({"smb.mid", "Multiplex ID", FieldKind::Unsigned, 16});
    hf.tid = r.field({"smb.tid", "Tree ID", FieldKind::Unsigned, 16});
    hf.uid = r.field({"smb.uid", "User ID", FieldKind::Unsigned, 16});
    hf.fid = r.field({"smb.fid", "FID", FieldKind::Hex, 16});
    hf.path = r.field({"smb.path", "Path", FieldKind::String});
    hf.file = r.field({"smb.file", "File Name", FieldKind::String});
    hf.trans2Cmd = r.field({"smb.trans2.cmd", "Subcommand", FieldKind::Hex, 16, kTrans2});
    hf.qpiLevel = r.field({"smb.qpi_loi", "Level of Interest", FieldKind::Unsigned, 16, kQpiLevels});
    hf.qfsiLevel = r.field({"smb.qfsi_loi", "Level of Interest", FieldKind::Hex, 16, kQfsiLevels});
    hf.searchPattern = r.field({"smb.search_pattern", "Search Pattern", FieldKind::String});
    hf.offset = r.field({"smb.offset", "Offset", FieldKind::Unsigned, 32});
    hf.maxCount = r.field({"smb.maxcount_low", "Max Count Low", FieldKind::Unsigned, 16});
    hf.dataLen = r.field({"smb.data_len_low", "Data Length Low", FieldKind::Unsigned, 16});
    hf.account = r.field({"smb.account", "Account", FieldKind::String});
    hf.domain = r.field({"smb.primary_domain", "Primary Domain", FieldKind::String});
    hf.errorClass = r.field({"smb.error_class", "Error Class", FieldKind::Hex, 8});
    hf.errorCode = r.field({"smb.error_code", "Error Code", FieldKind::Hex, 16});
}

}  // namespace rcvmon
