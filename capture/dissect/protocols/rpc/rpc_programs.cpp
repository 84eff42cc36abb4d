// SPDX-License-Identifier: GPL-2.0-or-later
// The ONC-RPC programs Wireshark 4.0 recognises by number (RFC 1833 Portmap/RPCBIND, RFC 1094
// NFSv2 and MOUNTv1, RFC 1813 NFSv3 and MOUNTv3, RFC 7530 NFSv4, X/Open's NLM and NSM, Sun's
// NIS, RQUOTA, BOOTPARAMS, PCNFSD, the VXI-11 instrument protocols), with their procedure names
// per version as Wireshark names them. Messages of other programs are not taken as RPC, as
// Wireshark does by default.
#include "dissect/protocols/rpc/rpc.h"

namespace rcvmon::rpc {
namespace {

using Names = std::span<const std::string_view>;

constexpr std::string_view kPortmap1[] = {"NULL", "SET", "UNSET", "GETPORT", "DUMP", "CALLIT"};
constexpr std::string_view kPortmap2[] = {"NULL", "SET", "UNSET", "GETPORT", "DUMP", "CALLIT"};
constexpr std::string_view kPortmap3[] = {
    "NULL", "SET", "UNSET", "GETADDR", "DUMP", "CALLIT", "GETTIME", "UADDR2TADDR", "TADDR2UADDR",
};
constexpr std::string_view kPortmap4[] = {
    "NULL", "SET", "UNSET", "GETADDR", "DUMP", "BCAST", "GETTIME", "UADDR2TADDR", "TADDR2UADDR", "GETVERSADDR",
    "INDIRECT", "GETADDRLIST", "GETSTAT",
};
constexpr Names kPortmap[] = {{}, kPortmap1, kPortmap2, kPortmap3, kPortmap4};
constexpr std::string_view kRstat1[] = {"NULL", "STATS", "HAVEDISK"};
constexpr std::string_view kRstat2[] = {"NULL", "STATS", "HAVEDISK"};
constexpr std::string_view kRstat3[] = {"NULL", "STATS", "HAVEDISK"};
constexpr std::string_view kRstat4[] = {"NULL", "STATS", "HAVEDISK"};
constexpr Names kRstat[] = {{}, kRstat1, kRstat2, kRstat3, kRstat4};
constexpr std::string_view kNfs2[] = {
    "NULL", "GETATTR", "SETATTR", "ROOT", "LOOKUP", "READLINK", "READ", "WRITECACHE", "WRITE", "CREATE",
    "REMOVE", "RENAME", "LINK", "SYMLINK", "MKDIR", "RMDIR", "READDIR", "STATFS",
};
constexpr std::string_view kNfs3[] = {
    "NULL", "GETATTR", "SETATTR", "LOOKUP", "ACCESS", "READLINK", "READ", "WRITE", "CREATE", "MKDIR", "SYMLINK",
    "MKNOD", "REMOVE", "RMDIR", "RENAME", "LINK", "READDIR", "READDIRPLUS", "FSSTAT", "FSINFO", "PATHCONF",
    "COMMIT",
};
constexpr std::string_view kNfs4[] = {"NULL", "COMPOUND"};
constexpr Names kNfs[] = {{}, {}, kNfs2, kNfs3, kNfs4};
constexpr std::string_view kYpserv1[] = {
    "NULL", "DOMAIN", "DOMAIN_NONACK", "MATCH", "FIRST", "NEXT", "XFR", "CLEAR", "ALL", "MASTER", "ORDER",
    "MAPLIST",
};
constexpr std::string_view kYpserv2[] = {
    "NULL", "DOMAIN", "DOMAIN_NONACK", "MATCH", "FIRST", "NEXT", "XFR", "CLEAR", "ALL", "MASTER", "ORDER",
    "MAPLIST",
};
constexpr Names kYpserv[] = {{}, kYpserv1, kYpserv2};
constexpr std::string_view kMount1[] = {"NULL", "MNT", "DUMP", "UMNT", "UMNTALL", "EXPORT", "EXPORTALL"};
constexpr std::string_view kMount2[] = {
    "NULL", "MNT", "DUMP", "UMNT", "UMNTALL", "EXPORT", "EXPORTALL", "PATHCONF",
};
constexpr std::string_view kMount3[] = {"NULL", "MNT", "DUMP", "UMNT", "UMNTALL", "EXPORT"};
constexpr Names kMount[] = {{}, kMount1, kMount2, kMount3};
constexpr std::string_view kYpbind1[] = {"NULL", "DOMAIN", "SETDOMAIN"};
constexpr std::string_view kYpbind2[] = {"NULL", "DOMAIN", "SETDOMAIN"};
constexpr Names kYpbind[] = {{}, kYpbind1, kYpbind2};
constexpr std::string_view kRwall1[] = {"", "", "RWALL"};
constexpr Names kRwall[] = {{}, kRwall1};
constexpr std::string_view kYppasswd1[] = {"NULL", "UPDATE"};
constexpr Names kYppasswd[] = {{}, kYppasswd1};
constexpr std::string_view kRquota1[] = {"NULL", "GETQUOTA", "GETACTIVEQUOTA"};
constexpr std::string_view kRquota2[] = {"NULL", "GETQUOTA", "GETACTIVEQUOTA"};
constexpr Names kRquota[] = {{}, kRquota1, kRquota2};
constexpr std::string_view kSpray1[] = {"NULL", "SPRAY", "GET", "CLEAR"};
constexpr Names kSpray[] = {{}, kSpray1};
constexpr std::string_view kKlm1[] = {"", "TEST", "LOCK", "CANCEL", "UNLOCK"};
constexpr Names kKlm[] = {{}, kKlm1};
constexpr std::string_view kNlm1[] = {
    "NULL", "TEST", "LOCK", "CANCEL", "UNLOCK", "GRANTED", "TEST_MSG", "LOCK_MSG", "CANCEL_MSG", "UNLOCK_MSG",
    "GRANTED_MSG", "TEST_RES", "LOCK_RES", "CANCEL_RES", "UNLOCK_RES", "GRANTED_RES",
};
constexpr std::string_view kNlm2[] = {
    "NULL", "TEST", "LOCK", "CANCEL", "UNLOCK", "GRANTED", "TEST_MSG", "LOCK_MSG", "CANCEL_MSG", "UNLOCK_MSG",
    "GRANTED_MSG", "TEST_RES", "LOCK_RES", "CANCEL_RES", "UNLOCK_RES", "GRANTED_RES",
};
constexpr std::string_view kNlm3[] = {
    "NULL", "TEST", "LOCK", "CANCEL", "UNLOCK", "GRANTED", "TEST_MSG", "LOCK_MSG", "CANCEL_MSG", "UNLOCK_MSG",
    "GRANTED_MSG", "TEST_RES", "LOCK_RES", "CANCEL_RES", "UNLOCK_RES", "GRANTED_RES", "", "", "", "", "SHARE",
    "UNSHARE", "NM_LOCK", "FREE_ALL",
};
constexpr std::string_view kNlm4[] = {
    "NULL", "TEST", "LOCK", "CANCEL", "UNLOCK", "GRANTED", "TEST_MSG", "LOCK_MSG", "CANCEL_MSG", "UNLOCK_MSG",
    "GRANTED_MSG", "TEST_RES", "LOCK_RES", "CANCEL_RES", "UNLOCK_RES", "GRANTED_RES", "", "", "", "", "SHARE",
    "UNSHARE", "NM_LOCK", "FREE_ALL",
};
constexpr Names kNlm[] = {{}, kNlm1, kNlm2, kNlm3, kNlm4};
constexpr std::string_view kStat1[] = {"NULL", "STAT", "MON", "UNMON", "UNMON_ALL", "SIMU_CRASH", "NOTIFY"};
constexpr Names kStat[] = {{}, kStat1};
constexpr std::string_view kBootparams1[] = {"NULL", "WHOAMI", "GETFILE"};
constexpr Names kBootparams[] = {{}, kBootparams1};
constexpr std::string_view kYpxfr1[] = {"NULL", "GETMAP"};
constexpr Names kYpxfr[] = {{}, kYpxfr1};
constexpr std::string_view kNfsacl1[] = {"NULL"};
constexpr std::string_view kNfsacl2[] = {"NULL", "GETACL", "SETACL", "GETATTR", "ACCESS", "GETXATTRDIR"};
constexpr std::string_view kNfsacl3[] = {"NULL", "GETACL", "SETACL", "GETXATTRDIR"};
constexpr Names kNfsacl[] = {{}, kNfsacl1, kNfsacl2, kNfsacl3};
constexpr std::string_view kNfsauth1[] = {"NULL", "ACCESS"};
constexpr Names kNfsauth[] = {{}, kNfsauth1};
constexpr std::string_view kSadmind1[] = {"NULL"};
constexpr std::string_view kSadmind2[] = {"NULL"};
constexpr std::string_view kSadmind3[] = {"NULL"};
constexpr Names kSadmind[] = {{}, kSadmind1, kSadmind2, kSadmind3};
constexpr std::string_view kPcnfsd1[] = {"NULL", "AUTH", "PR_INIT", "PR_START"};
constexpr std::string_view kPcnfsd2[] = {
    "NULL", "INFO", "PR_INIT", "PR_START", "PR_LIST", "PR_QUEUE", "PR_STATUS", "PR_CANCEL", "PR_ADMIN",
    "PR_REQUEUE", "PR_HOLD", "PR_RELEASE", "MAPID", "AUTH", "ALERT",
};
constexpr Names kPcnfsd[] = {{}, kPcnfsd1, kPcnfsd2};
constexpr std::string_view kStatCb1[] = {"NULL", "MON-CALLBACK"};
constexpr Names kStatCb[] = {{}, kStatCb1};
constexpr std::string_view kVxi11Core1[] = {
    "NULL", "", "", "", "", "", "", "", "", "", "CREATE_LINK", "DEVICE_WRITE", "DEVICE_READ", "DEVICE_READSTB",
    "DEVICE_TRIGGER", "DEVICE_CLEAR", "DEVICE_REMOTE", "DEVICE_LOCAL", "DEVICE_LOCK", "DEVICE_UNLOCK",
    "DEVICE_ENABLE_SRQ", "", "DEVICE_DOCMD", "DESTROY_LINK", "", "CREATE_INTR_CHAN", "DESTROY_INTR_CHAN",
};
constexpr Names kVxi11Core[] = {{}, kVxi11Core1};
constexpr std::string_view kVxi11Async1[] = {"NULL", "DEVICE_ABORT"};
constexpr Names kVxi11Async[] = {{}, kVxi11Async1};
constexpr std::string_view kVxi11Intr1[] = {
    "NULL", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
    "", "", "", "", "DEVICE_INTR_SRQ",
};
constexpr Names kVxi11Intr[] = {{}, kVxi11Intr1};

constexpr Program kPrograms[] = {
    {100000, "Portmap", "portmap", kPortmap, dissectPortmap, writePortmapInfo},
    {100001, "RSTAT", "rstat", kRstat, nullptr, nullptr},
    {100003, "NFS", "nfs", kNfs, dissectNfs, writeNfsInfo},
    {100004, "YPSERV", "ypserv", kYpserv, nullptr, nullptr},
    {100005, "MOUNT", "mount", kMount, dissectMount, writeMountInfo},
    {100007, "YPBIND", "ypbind", kYpbind, nullptr, nullptr},
    {100008, "RWALL", "rwall", kRwall, nullptr, nullptr},
    {100009, "YPPASSWD", "yppasswd", kYppasswd, nullptr, nullptr},
    {100011, "RQUOTA", "rquota", kRquota, nullptr, nullptr},
    {100012, "SPRAY", "spray", kSpray, nullptr, nullptr},
    {100020, "KLM", "klm", kKlm, nullptr, nullptr},
    {100021, "NLM", "nlm", kNlm, nullptr, nullptr},
    {100024, "STAT", "stat", kStat, nullptr, nullptr},
    {100026, "BOOTPARAMS", "bootparams", kBootparams, nullptr, nullptr},
    {100069, "YPXFR", "ypxfr", kYpxfr, nullptr, nullptr},
    {100227, "NFSACL", "nfsacl", kNfsacl, nullptr, nullptr},
    {100231, "NFSAUTH", "nfsauth", kNfsauth, nullptr, nullptr},
    {100232, "SADMIND", "sadmind", kSadmind, nullptr, nullptr},
    {150001, "PCNFSD", "pcnfsd", kPcnfsd, nullptr, nullptr},
    {200048, "STAT-CB", "statnotify", kStatCb, nullptr, nullptr},
    {395183, "VXI-11 Core", "vxi11_core", kVxi11Core, nullptr, nullptr},
    {395184, "VXI-11 Async", "vxi11_async", kVxi11Async, nullptr, nullptr},
    {395185, "VXI-11 Intr", "vxi11_intr", kVxi11Intr, nullptr, nullptr},
};

}  // namespace

const Program* findProgram(std::uint32_t number)
{
    for (const Program& p : kPrograms)
        if (p.number == number) return &p;
    return nullptr;
}

std::span<const Program> allPrograms() { return kPrograms; }

std::string_view procedureName(const Program& program, std::uint32_t version, std::uint32_t procedure)
{
    if (version >= program.versions.size()) return {};
    const Names names = program.versions[version];
    return procedure < names.size() ? names[procedure] : std::string_view();
}

}  // namespace rcvmon::rpc
