// SPDX-License-Identifier: GPL-2.0-or-later
// The ONC-RPC programs Wireshark recognises by number, with their procedure names per
// version (RFC 1833 Portmap/RPCBIND, RFC 1094 NFSv2 and MOUNTv1, RFC 1813 NFSv3 and MOUNTv3,
// RFC 7530 NFSv4, the NLM and NSM protocols of X/Open XNFS). Messages of other programs are
// not taken as RPC, as Wireshark does by default.
#include "dissect/protocols/rpc/rpc.h"

#include <array>

namespace rcvmon::rpc {
namespace {

using Names = std::span<const std::string_view>;

constexpr std::string_view kPortmap2[] = {"NULL", "SET", "UNSET", "GETPORT", "DUMP", "CALLIT"};
constexpr std::string_view kPortmap3[] = {"NULL", "SET", "UNSET", "GETADDR", "DUMP", "CALLIT", "GETTIME",
                                          "UADDR2TADDR", "TADDR2UADDR"};
constexpr std::string_view kPortmap4[] = {"NULL", "SET", "UNSET", "GETADDR", "DUMP", "BCAST", "GETTIME",
                                          "UADDR2TADDR", "TADDR2UADDR", "GETVERSADDR", "INDIRECT",
                                          "GETADDRLIST", "GETSTAT"};
constexpr Names kPortmap[] = {{}, kPortmap2, kPortmap2, kPortmap3, kPortmap4};

constexpr std::string_view kNfs2[] = {"NULL", "GETATTR", "SETATTR", "ROOT", "LOOKUP", "READLINK",
                                      "READ", "WRITECACHE", "WRITE", "CREATE", "REMOVE", "RENAME",
                                      "LINK", "SYMLINK", "MKDIR", "RMDIR", "READDIR", "STATFS"};
constexpr std::string_view kNfs3[] = {"NULL", "GETATTR", "SETATTR", "LOOKUP", "ACCESS", "READLINK",
                                      "READ", "WRITE", "CREATE", "MKDIR", "SYMLINK", "MKNOD",
                                      "REMOVE", "RMDIR", "RENAME", "LINK", "READDIR", "READDIRPLUS",
                                      "FSSTAT", "FSINFO", "PATHCONF", "COMMIT"};
constexpr std::string_view kNfs4[] = {"NULL", "COMPOUND"};
constexpr Names kNfs[] = {{}, {}, kNfs2, kNfs3, kNfs4};

constexpr std::string_view kMount1[] = {"NULL", "MNT", "DUMP", "UMNT", "UMNTALL", "EXPORT", "EXPORTALL"};
constexpr std::string_view kMount2[] = {"NULL", "MNT", "DUMP", "UMNT", "UMNTALL", "EXPORT", "EXPORTALL",
                                        "PATHCONF"};
constexpr std::string_view kMount3[] = {"NULL", "MNT", "DUMP", "UMNT", "UMNTALL", "EXPORT"};
constexpr Names kMount[] = {{}, kMount1, kMount2, kMount3};

constexpr std::string_view kNlm[] = {"NULL", "TEST", "LOCK", "CANCEL", "UNLOCK", "GRANTED", "TEST_MSG",
                                     "LOCK_MSG", "CANCEL_MSG", "UNLOCK_MSG", "GRANTED_MSG", "TEST_RES",
                                     "LOCK_RES", "CANCEL_RES", "UNLOCK_RES", "GRANTED_RES"};
constexpr std::string_view kNlm3[] = {"NULL", "TEST", "LOCK", "CANCEL", "UNLOCK", "GRANTED", "TEST_MSG",
                                      "LOCK_MSG", "CANCEL_MSG", "UNLOCK_MSG", "GRANTED_MSG", "TEST_RES",
                                      "LOCK_RES", "CANCEL_RES", "UNLOCK_RES", "GRANTED_RES", "", "", "",
                                      "", "SHARE", "UNSHARE", "NM_LOCK", "FREE_ALL"};
constexpr Names kNlmVersions[] = {{}, kNlm, kNlm, kNlm3, kNlm3};

constexpr std::string_view kStat1[] = {"NULL", "STAT", "MON", "UNMON", "UNMON_ALL", "SIMU_CRASH", "NOTIFY"};
constexpr Names kStat[] = {{}, kStat1};

constexpr Program kPrograms[] = {
    {100000, "Portmap", "portmap", kPortmap, dissectPortmap, writePortmapInfo},
    {100003, "NFS", "nfs", kNfs, dissectNfs, writeNfsInfo},
    {100005, "MOUNT", "mount", kMount, dissectMount, writeMountInfo},
    {100021, "NLM", "nlm", kNlmVersions, nullptr, nullptr},
    {100024, "STAT", "stat", kStat, nullptr, nullptr},
    {100232, "SADMIND", "sadmind", {}, nullptr, nullptr},
};

}  // namespace

const Program* findProgram(std::uint32_t number)
{
    for (const Program& p : kPrograms)
        if (p.number == number) return &p;
    return nullptr;
}

std::string_view procedureName(const Program& program, std::uint32_t version, std::uint32_t procedure)
{
    if (version >= program.versions.size()) return {};
    const Names names = program.versions[version];
    return procedure < names.size() ? names[procedure] : std::string_view();
}

}  // namespace rcvmon::rpc
