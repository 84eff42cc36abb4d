// SPDX-License-Identifier: GPL-2.0-or-later
// NFS (program 100003): version 2 (RFC 1094 §2.2) and version 3 (RFC 1813 §3.3) procedure
// arguments and results, as far as Wireshark's Info shows them — the CRC-32 hash of each file
// handle, the names looked up or created, attributes, access masks, errors. Version 4
// (RFC 7530) COMPOUNDs are named by RPC only.
#include "dissect/field_format.h"
#include "dissect/protocols/rpc/nfs_names.h"
#include "dissect/protocols/rpc/rpc.h"

namespace rcvmon {
namespace {

struct NfsFields {
    FieldId procedure[5], fhLength, fhHash, fhandle, name, status2, status3, type3, uid3, gid3, size3, fileid3;
    FieldId accessCheck, accessRights, readlink, symlinkTo, createmode, offset3, count3, stable, committed, readEof;
    FieldId dirplusName, dir3Name;
} hf;

// RFC 1813 procedure numbers.
enum Proc3 : std::uint32_t {
    Getattr3 = 1, Setattr3, Lookup3, Access3, Readlink3, Read3, Write3, Create3, Mkdir3, Symlink3, Mknod3,
    Remove3, Rmdir3, Rename3, Link3, Readdir3, Readdirplus3, Fsstat3, Fsinfo3, Pathconf3, Commit3,
};
// RFC 1094 procedure numbers.
enum Proc2 : std::uint32_t {
    Getattr2 = 1, Setattr2, Root2, Lookup2, Readlink2, Read2, Writecache2, Write2, Create2, Remove2, Rename2,
    Link2, Symlink2, Mkdir2, Rmdir2, Readdir2, Statfs2,
};

constexpr std::size_t kFattr3 = 84;  // RFC 1813 §2.6 fattr3
constexpr std::size_t kMaxEntries = 1024;

// A file handle: its length (version 3) and bytes, and Wireshark's hash of them.
void readFh(LayerCursor& c, bool v3)
{
    const std::size_t at = c.pos();
    std::size_t length = 32;  // RFC 1094 fhandle: fixed
    if (v3) {
        length = c.u32(hf.fhLength);
        if (c.ok() && length > 64) return c.malformed();
    }
    const ByteSpan fh = c.bytes(length);
    if (!c.ok()) return;
    c.add(hf.fhHash, v3 ? at + 4 : at, length, rpc::crc32(fh));
    c.ctx().out.addBytesField(hf.fhandle, c.layer(), c.absolute(c.pos() - length), fh);
    c.skip((4 - (length & 3)) & 3);
}

void readDirop(LayerCursor& c, bool v3)
{
    readFh(c, v3);
    rpc::xdrString(c, hf.name, 4096);
}

void readFattr3(LayerCursor& c)
{
    if (!c.need(kFattr3)) return;
    const std::size_t at = c.pos();
    const std::uint32_t type = c.u32();
    const std::uint32_t mode = c.u32();
    const std::uint32_t t = c.add(hf.type3, at, 4, type);
    c.ctx().out.setAux(t, mode);  // the Info writer's "mode:"
    c.u32();                      // nlink
    c.u32(hf.uid3);
    c.u32(hf.gid3);
    rpc::xdrHyper(c, hf.size3);
    c.skip(16);  // used, rdev
    c.skip(8);   // fsid
    rpc::xdrHyper(c, hf.fileid3);
    c.skip(24);  // atime, mtime, ctime
}

void readPostOpAttr(LayerCursor& c)
{
    if (c.u32() != 0) readFattr3(c);
}

void readWcc(LayerCursor& c)
{
    if (c.u32() != 0) c.skip(24);  // pre_op_attr: size, mtime, ctime
    readPostOpAttr(c);
}

void readEntries(LayerCursor& c, bool plus)
{
    c.skip(8);  // cookieverf
    for (std::size_t i = 0; i < kMaxEntries && c.ok() && c.u32() != 0; ++i) {
        rpc::xdrHyper(c);
        rpc::xdrString(c, plus ? hf.dirplusName : hf.dir3Name, 4096);
        rpc::xdrHyper(c);
        if (!plus) continue;
        readPostOpAttr(c);
        if (c.u32() != 0) readFh(c, true);
    }
}

void dissectCall3(LayerCursor& c, std::uint32_t proc, const rpc::Message& m)
{
    switch (proc) {
    case Lookup3: case Mkdir3: case Remove3: case Rmdir3: case Mknod3: readDirop(c, true); break;
    case Create3:
        readDirop(c, true);
        c.u32(hf.createmode);
        break;
    case Symlink3:
        readDirop(c, true);
        // sattr3 (RFC 1813 §2.6): mode, uid, gid (set_it + 4), size (set_it + 8), two times.
        for (int i = 0; i < 3 && c.ok(); ++i)
            if (c.u32()) c.skip(4);
        if (c.ok() && c.u32()) c.skip(8);
        for (int i = 0; i < 2 && c.ok(); ++i)
            if (c.u32() == 2) c.skip(8);
        rpc::xdrString(c, hf.symlinkTo, 4096);
        break;
    case Rename3:
        readDirop(c, true);
        readDirop(c, true);
        break;
    case Link3:
        readFh(c, true);
        readDirop(c, true);
        break;
    case Access3: {
        readFh(c, true);
        const std::uint32_t mask = c.u32(hf.accessCheck);
        if (m.saved) *m.saved = mask;
        break;
    }
    case Read3: case Write3:
        readFh(c, true);
        rpc::xdrHyper(c, hf.offset3);
        c.u32(hf.count3);
        if (proc == Write3) c.u32(hf.stable);
        break;
    default: readFh(c, true); break;
    }
}

void dissectReply3(LayerCursor& c, std::uint32_t proc, const rpc::Message& m)
{
    const std::uint32_t status = c.u32(hf.status3);
    if (!c.ok()) return;
    switch (proc) {
    case Getattr3:
        if (status == 0) readFattr3(c);
        break;
    case Lookup3:
        if (status == 0) readFh(c, true);
        break;
    case Access3:
        readPostOpAttr(c);
        if (status == 0) {
            const std::size_t at = c.pos();
            const std::uint32_t rights = c.u32();
            if (c.ok()) c.ctx().out.setAux(c.add(hf.accessRights, at, 4, rights), m.saved ? *m.saved : rights);
        }
        break;
    case Readlink3:
        readPostOpAttr(c);
        if (status == 0) rpc::xdrString(c, hf.readlink, 4096);
        break;
    case Read3:
        readPostOpAttr(c);
        if (status == 0) {
            c.u32(hf.count3);
            const std::size_t at = c.pos();
            c.add(hf.readEof, at, 4, c.u32() != 0);
        }
        break;
    case Write3:
        readWcc(c);
        if (status == 0) {
            c.u32(hf.count3);
            c.u32(hf.committed);
        }
        break;
    case Readdir3: case Readdirplus3:
        readPostOpAttr(c);
        if (status == 0) readEntries(c, proc == Readdirplus3);
        break;
    default: break;
    }
}

void dissectV2(LayerCursor& c, const rpc::Message& m)
{
    if (m.reply) {
        c.u32(hf.status2);
        return;
    }
    switch (m.procedure) {
    case Lookup2: case Remove2: case Rmdir2: case Create2: case Mkdir2: readDirop(c, false); break;
    case Rename2:
        readDirop(c, false);
        readDirop(c, false);
        break;
    case Link2:
        readFh(c, false);
        readDirop(c, false);
        break;
    case Symlink2:
        readDirop(c, false);
        rpc::xdrString(c, hf.symlinkTo, 4096);
        break;
    case Root2: case Writecache2: break;
    default: readFh(c, false); break;
    }
}

// ", FH: 0x…" or ", DH: 0x…/name", from the n-th file handle and name of the layer.
void appendHandle(const LayerView& layer, std::string& out, std::string_view label, int fhIndex, int nameIndex)
{
    int i = 0;
    std::uint64_t hash = 0;
    bool found = false;
    layer.forEach(hf.fhHash, [&](const FieldRecord& f) {
        if (i++ == fhIndex) {
            hash = f.number;
            found = true;
        }
    });
    if (!found) return;
    out += label;
    appendHex(out, hash, 8);
    if (nameIndex < 0) return;
    i = 0;
    layer.forEach(hf.name, [&](const FieldRecord& f) {
        if (i++ == nameIndex) {
            out += '/';
            out += layer.dissection().valueText(f);
        }
    });
}

void appendAccess(std::string& out, std::string_view label, std::uint64_t mask)
{
    static constexpr std::string_view kBits[] = {"RD", "LU", "MD", "XT", "DL", "XE"};
    out += ", [";
    out += label;
    out += ':';
    for (std::size_t i = 0; i < 6; ++i)
        if (mask & (1u << i)) {
            out += ' ';
            out += kBits[i];
        }
    out += ']';
}

void writeCall(const LayerView& layer, const rpc::Message& m, std::string& out)
{
    const bool v3 = m.version == 3;
    const std::uint32_t p = m.procedure;
    const bool fromTo = v3 ? p == Rename3 || p == Link3 || p == Symlink3 : p == Rename2 || p == Link2 || p == Symlink2;
    const bool dirop = v3 ? p == Lookup3 || p == Mkdir3 || p == Remove3 || p == Rmdir3 || p == Mknod3 || p == Create3
                          : p == Lookup2 || p == Remove2 || p == Rmdir2 || p == Create2 || p == Mkdir2;
    if (fromTo) {
        const bool link = p == (v3 ? std::uint32_t{Link3} : std::uint32_t{Link2});
        if (!layer.has(hf.name)) return;
        appendHandle(layer, out, ", From DH: ", 0, link ? -1 : 0);
        if (p == (v3 ? std::uint32_t{Symlink3} : std::uint32_t{Symlink2})) {
            if (!layer.has(hf.symlinkTo)) return;
            out += " To ";
            out += layer.text(hf.symlinkTo);
        } else {
            appendHandle(layer, out, " To DH: ", 1, link ? 0 : 1);
        }
        return;
    }
    if (dirop) {
        if (!layer.has(hf.name)) return;
        appendHandle(layer, out, ", DH: ", 0, 0);
        if (const FieldRecord* mode = layer.field(hf.createmode)) {
            out += " Mode: ";
            out += valueName(fieldInfo(hf.createmode), mode->number);
        }
        return;
    }
    appendHandle(layer, out, ", FH: ", 0, -1);
    if (!v3) return;
    if (const FieldRecord* check = layer.field(hf.accessCheck)) appendAccess(out, "Check", check->number);
    if (const FieldRecord* count = layer.field(hf.count3); count && (p == Read3 || p == Write3)) {
        out += " Offset: ";
        appendDecimal(out, layer.number(hf.offset3));
        out += " Len: ";
        appendDecimal(out, count->number);
        if (const FieldRecord* stable = layer.field(hf.stable)) {
            out += ' ';
            out += valueName(fieldInfo(hf.stable), stable->number);
        }
    }
}

void writeReply3(const LayerView& layer, std::uint32_t proc, std::string& out)
{
    const FieldRecord* status = layer.field(hf.status3);
    if (!status) return;
    if (status->number != 0) {
        out += " Error: ";
        appendNfsStatus3(out, status->number);
        return;
    }
    switch (proc) {
    case Getattr3:
        if (const FieldRecord* type = layer.field(hf.type3)) {
            out += "  ";
            appendFileType3(out, type->number);
            out += " mode: ";
            char mode[5];
            for (int i = 3; i >= 0; --i) mode[3 - i] = static_cast<char>('0' + ((type->aux >> (3 * i)) & 7));
            mode[4] = 0;
            out += mode;
            out += " uid: ";
            appendDecimal(out, layer.number(hf.uid3));
            out += " gid: ";
            appendDecimal(out, layer.number(hf.gid3));
        }
        break;
    case Lookup3: appendHandle(layer, out, ", FH: ", 0, -1); break;
    case Access3:
        if (const FieldRecord* rights = layer.field(hf.accessRights)) {
            const std::uint64_t requested = rights->aux;
            if (requested & ~rights->number) appendAccess(out, "Access Denied", requested & ~rights->number);
            if (requested & rights->number) appendAccess(out, "Allowed", requested & rights->number);
        }
        break;
    case Readlink3:
        if (layer.has(hf.readlink)) {
            out += " Path: ";
            out += layer.text(hf.readlink);
        }
        break;
    case Read3:
        if (const FieldRecord* count = layer.field(hf.count3)) {
            out += " Len: ";
            appendDecimal(out, count->number);
        }
        break;
    case Write3:
        if (const FieldRecord* count = layer.field(hf.count3)) {
            out += " Len: ";
            appendDecimal(out, count->number);
            out += ' ';
            out += valueName(fieldInfo(hf.committed), layer.number(hf.committed));
        }
        break;
    case Readdir3: case Readdirplus3:
        layer.forEach(proc == Readdirplus3 ? hf.dirplusName : hf.dir3Name, [&](const FieldRecord& f) {
            out += ' ';
            out += layer.dissection().valueText(f);
        });
        break;
    default: break;
    }
}

}  // namespace

namespace rpc {

std::size_t dissectNfs(DissectContext& ctx, const Payload& body, const Message& m)
{
    LayerCursor c(ctx, "NFS", "nfs", body.data, body.at, body.reported);
    c.add(hf.procedure[m.version < 5 ? m.version : 4], 0, 0, m.procedure);
    if (m.version == 3) {
        if (m.reply) dissectReply3(c, m.procedure, m);
        else dissectCall3(c, m.procedure, m);
    } else if (m.version == 2) {
        dissectV2(c, m);
    }
    return kWholeBody;  // results are read only as far as the Info text needs
}

void writeNfsInfo(const LayerView& layer, std::string& out)
{
    const Message m = messageOf(layer);
    if (m.version != 2 && m.version != 3) return;
    if (!m.reply) return writeCall(layer, m, out);
    if (m.version == 3) return writeReply3(layer, m.procedure, out);
    if (const FieldRecord* status = layer.field(hf.status2); status && status->number != 0) {
        out += " Error: ";
        appendNfsStatus2(out, status->number);
    }
}

}  // namespace rpc

void registerNfs(ProtocolRegistrar& r)
{
    r.protocol("nfs");
    hf.procedure[0] = hf.procedure[1] = hf.procedure[2] =
        r.field({"nfs.procedure_v2", "V2 Procedure", FieldKind::Unsigned, 32});
    hf.procedure[3] = r.field({"nfs.procedure_v3", "V3 Procedure", FieldKind::Unsigned, 32});
    hf.procedure[4] = r.field({"nfs.procedure_v4", "V4 Procedure", FieldKind::Unsigned, 32});
    hf.fhLength = r.field({"nfs.fh.length", "length", FieldKind::Unsigned, 32});
    hf.fhHash = r.field({"nfs.fh.hash", "hash (CRC-32)", FieldKind::Hex, 32});
    hf.fhandle = r.field({"nfs.fhandle", "FileHandle", FieldKind::Bytes});
    hf.name = r.field({"nfs.name", "Name", FieldKind::String});
    hf.status2 = r.field({"nfs.status2", "Status", FieldKind::Unsigned, 32, nfsStatus2Names()});
    hf.status3 = r.field({"nfs.status", "Status", FieldKind::Unsigned, 32, nfsStatus3Names()});
    hf.type3 = r.field({"nfs.fattr3.type", "Type", FieldKind::Unsigned, 32, fileType3Names()});
    hf.uid3 = r.field({"nfs.fattr3.uid", "uid", FieldKind::Unsigned, 32});
    hf.gid3 = r.field({"nfs.fattr3.gid", "gid", FieldKind::Unsigned, 32});
    hf.size3 = r.field({"nfs.fattr3.size", "size", FieldKind::Unsigned, 64});
    hf.fileid3 = r.field({"nfs.fattr3.fileid", "fileid", FieldKind::Unsigned, 64});
    hf.accessCheck = r.field({"nfs.access_check", "Check access", FieldKind::Hex, 8});
    hf.accessRights = r.field({"nfs.access_rights", "Access rights (of requested)", FieldKind::Hex, 8});
    hf.readlink = r.field({"nfs.readlink.data", "Data", FieldKind::String});
    hf.symlinkTo = r.field({"nfs.symlink.to", "To", FieldKind::String});
    hf.createmode = r.field({"nfs.createmode", "Create Mode", FieldKind::Unsigned, 32, createModeNames()});
    hf.offset3 = r.field({"nfs.offset3", "offset", FieldKind::Unsigned, 64});
    hf.count3 = r.field({"nfs.count3", "count", FieldKind::Unsigned, 32});
    hf.stable = r.field({"nfs.write.stable", "Stable", FieldKind::Unsigned, 32, stableHowNames()});
    hf.committed = r.field({"nfs.write.committed", "Committed", FieldKind::Unsigned, 32, stableHowNames()});
    hf.readEof = r.field({"nfs.read.eof", "EOF", FieldKind::Bool, 0});
    hf.dirplusName = r.field({"nfs.readdirplus.entry.name", "Name", FieldKind::String});
    hf.dir3Name = r.field({"nfs.readdir.entry3.name", "Name", FieldKind::String});
}

}  // namespace rcvmon
