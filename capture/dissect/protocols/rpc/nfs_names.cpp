// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/protocols/rpc/nfs_names.h"

#include "dissect/field_format.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

constexpr ValueName kStatus2[] = {
    {0, "NFS_OK"}, {1, "NFSERR_PERM"}, {2, "NFSERR_NOENT"}, {5, "NFSERR_IO"}, {6, "NFSERR_NXIO"},
    {13, "NFSERR_ACCES"}, {17, "NFSERR_EXIST"}, {19, "NFSERR_NODEV"}, {20, "NFSERR_NOTDIR"},
    {21, "NFSERR_ISDIR"}, {27, "NFSERR_FBIG"}, {28, "NFSERR_NOSPC"}, {30, "NFSERR_ROFS"},
    {63, "NFSERR_NAMETOOLONG"}, {66, "NFSERR_NOTEMPTY"}, {69, "NFSERR_DQUOT"}, {70, "NFSERR_STALE"},
    {99, "NFSERR_WFLUSH"},
};
constexpr ValueName kStatus3[] = {
    {0, "NFS3_OK"}, {1, "NFS3ERR_PERM"}, {2, "NFS3ERR_NOENT"}, {5, "NFS3ERR_IO"}, {6, "NFS3ERR_NXIO"},
    {13, "NFS3ERR_ACCES"}, {17, "NFS3ERR_EXIST"}, {18, "NFS3ERR_XDEV"}, {19, "NFS3ERR_NODEV"},
    {20, "NFS3ERR_NOTDIR"}, {21, "NFS3ERR_ISDIR"}, {22, "NFS3ERR_INVAL"}, {27, "NFS3ERR_FBIG"},
    {28, "NFS3ERR_NOSPC"}, {30, "NFS3ERR_ROFS"}, {31, "NFS3ERR_MLINK"}, {63, "NFS3ERR_NAMETOOLONG"},
    {66, "NFS3ERR_NOTEMPTY"}, {69, "NFS3ERR_DQUOT"}, {70, "NFS3ERR_STALE"}, {71, "NFS3ERR_REMOTE"},
    {10001, "NFS3ERR_BADHANDLE"}, {10002, "NFS3ERR_NOT_SYNC"}, {10003, "NFS3ERR_BAD_COOKIE"},
    {10004, "NFS3ERR_NOTSUPP"}, {10005, "NFS3ERR_TOOSMALL"}, {10006, "NFS3ERR_SERVERFAULT"},
    {10007, "NFS3ERR_BADTYPE"}, {10008, "NFS3ERR_JUKEBOX"},
};
constexpr ValueName kFileTypes3[] = {
    {1, "Regular File"}, {2, "Directory"}, {3, "Block Device"}, {4, "Character Device"},
    {5, "Symbolic Link"}, {6, "Socket"}, {7, "Named Pipe"},
};
constexpr ValueName kCreateModes[] = {{0, "UNCHECKED"}, {1, "GUARDED"}, {2, "EXCLUSIVE"}};
constexpr ValueName kStableHow[] = {{0, "UNSTABLE"}, {1, "DATA_SYNC"}, {2, "FILE_SYNC"}};

void appendNamed(std::string& out, std::span<const ValueName> names, std::uint64_t value)
{
    appendNameOrNumber(out, valueName(names, value), value);
}

}  // namespace

std::span<const ValueName> nfsStatus2Names() { return kStatus2; }
std::span<const ValueName> nfsStatus3Names() { return kStatus3; }
std::span<const ValueName> fileType3Names() { return kFileTypes3; }
std::span<const ValueName> createModeNames() { return kCreateModes; }
std::span<const ValueName> stableHowNames() { return kStableHow; }

void appendNfsStatus3(std::string& out, std::uint64_t status) { appendNamed(out, kStatus3, status); }
void appendNfsStatus2(std::string& out, std::uint64_t status) { appendNamed(out, kStatus2, status); }

void appendFileType3(std::string& out, std::uint64_t type)
{
    const std::string_view name = valueName(kFileTypes3, type);
    if (!name.empty()) {
        out += name;
        return;
    }
    out += "Unknown Type: ";
    appendHex(out, type, 1);
}

}  // namespace rcvmon
