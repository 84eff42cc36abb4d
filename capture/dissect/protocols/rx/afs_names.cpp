// SPDX-License-Identifier: GPL-2.0-or-later
// Operation numbers of the AFS services (OpenAFS's *.xg interface definitions).
#include "dissect/protocols/rx/afs_names.h"

namespace rcvmon::afs {
namespace {

constexpr ValueName kFs[] = {
    {130, "fetch-data"}, {131, "fetch-acl"}, {132, "fetch-status"}, {133, "store-data"}, {134, "store-acl"},
    {135, "store-status"}, {136, "remove-file"}, {137, "create-file"}, {138, "rename"}, {139, "symlink"},
    {140, "link"}, {141, "makedir"}, {142, "rmdir"}, {143, "old-set-lock"}, {144, "old-extend-lock"},
    {145, "old-release-lock"}, {146, "get-stats"}, {147, "give-up-callbacks"}, {148, "get-volume-info"},
    {149, "get-volume-status"}, {150, "set-volume-status"}, {151, "get-root-volume"}, {152, "check-token"},
    {153, "get-time"}, {154, "nget-volume-info"}, {155, "bulk-status"}, {156, "set-lock"},
    {157, "extend-lock"}, {158, "release-lock"}, {159, "xstats-version"}, {160, "get-xstats"},
    {161, "dfs-lookup"}, {162, "dfs-flushcps"}, {163, "dfs-symlink"}, {220, "residency"},
    {65536, "inline-bulk-status"}, {65537, "fetch-data-64"}, {65538, "store-data-64"},
    {65539, "give-up-all-callbacks"}, {65540, "get-capabilities"}, {65541, "call-back-rxconn-addr"},
    {65542, "get-statistics-64"},
};
constexpr ValueName kCb[] = {
    {204, "callback"}, {205, "init-callback-state"}, {206, "probe"}, {207, "get-lock"}, {208, "get-ce"},
    {209, "xstats-version"}, {210, "get-xstats"}, {211, "init-callback-state2"}, {212, "who-are-you"},
    {213, "init-callback-state3"}, {214, "probeuuid"}, {215, "get-server-prefs"}, {216, "get-cellservdb"},
    {217, "get-local-cell"}, {218, "get-cache-config"}, {65536, "get-ce-64"}, {65537, "get-cell-by-num"},
    {65538, "get-capabilities"},
};
constexpr ValueName kProt[] = {
    {500, "new-user"}, {501, "where-is-it"}, {502, "dump-entry"}, {503, "add-to-group"}, {504, "name-to-id"},
    {505, "id-to-name"}, {506, "delete"}, {507, "remove-from-group"}, {508, "get-cps"}, {509, "new-entry"},
    {510, "list-max"}, {511, "set-max"}, {512, "list-entry"}, {513, "change-entry"}, {514, "list-elements"},
    {515, "is-member-of"}, {516, "set-fld-sentry"}, {517, "list-owned"}, {518, "get-cps2"},
    {519, "get-host-cps"}, {520, "update-entry"}, {521, "list-entries"}, {530, "list-supergroups"},
};
constexpr ValueName kVldb[] = {
    {501, "create-entry"}, {502, "delete-entry"}, {503, "get-entry-by-id"}, {504, "get-entry-by-name"},
    {505, "get-new-volume-id"}, {506, "replace-entry"}, {507, "update-entry"}, {508, "set-lock"},
    {509, "release-lock"}, {510, "list-entry"}, {511, "list-attributes"}, {512, "linked-list"},
    {513, "get-stats"}, {514, "probe"}, {515, "get-addrs"}, {516, "change-addr"}, {517, "create-entry-n"},
    {518, "get-entry-by-id-n"}, {519, "get-entry-by-name-n"}, {520, "replace-entry-n"}, {521, "list-entry-n"},
    {522, "list-attrib-n"}, {523, "linked-list-n"}, {524, "update-entry-by-name"}, {525, "create-entry-u"},
    {526, "get-entry-by-id-u"}, {527, "get-entry-by-name-u"}, {528, "replace-entry-u"}, {529, "list-entry-u"},
    {530, "list-attrib-u"}, {531, "linked-list-u"}, {532, "regaddr"}, {533, "get-addrs-u"},
    {534, "list-attrib-n2"},
};
constexpr ValueName kKauth[] = {
    {1, "auth-old"}, {2, "change-pw"}, {3, "get-ticket-old"}, {4, "set-pw"}, {5, "set-fields"},
    {6, "create-user"}, {7, "delete-user"}, {8, "get-entry"}, {9, "list-entry"}, {10, "get-stats"},
    {11, "debug"}, {12, "get-pw"}, {13, "get-random-key"}, {14, "unlock"}, {15, "lock-status"},
    {21, "authenticate"}, {22, "authenticate-v2"}, {23, "get-ticket"},
};
constexpr ValueName kVol[] = {
    {100, "create-volume"}, {101, "delete-volume"}, {102, "restore"}, {103, "forward"}, {104, "end-trans"},
    {105, "clone"}, {106, "set-flags"}, {107, "get-flags"}, {108, "trans-create"}, {109, "dump"},
    {110, "get-nth-volume"}, {111, "set-forwarding"}, {112, "get-name"}, {113, "get-status"},
    {114, "sig-restore"}, {115, "list-partitions"}, {116, "list-volumes"}, {117, "set-id-types"},
    {118, "monitor"}, {119, "partition-info"}, {120, "reclone"}, {121, "list-one-volume"}, {122, "nuke"},
    {123, "set-date"}, {124, "x-list-volumes"}, {125, "x-list-one-volume"}, {126, "set-info"},
    {127, "x-list-partitions"}, {128, "forward-multiple"}, {65536, "convert-ro"}, {65537, "getsize"},
    {65538, "dump-v2"}, {65539, "partition-info-64"},
};
constexpr ValueName kBos[] = {
    {80, "create-bnode"}, {81, "delete-bnode"}, {82, "set-status"}, {83, "get-status"},
    {84, "enumerate-instance"}, {85, "get-instance-info"}, {86, "get-instance-parm"}, {87, "add-superuser"},
    {88, "delete-superuser"}, {89, "list-superusers"}, {90, "list-keys"}, {91, "add-key"}, {92, "delete-key"},
    {93, "set-cell-name"}, {94, "get-cell-name"}, {95, "get-cell-host"}, {96, "add-cell-host"},
    {97, "delete-cell-host"}, {98, "set-t-status"}, {99, "shutdown-all"}, {100, "restart-all"},
    {101, "startup-all"}, {102, "set-noauth-flag"}, {103, "re-bozo"}, {104, "restart"}, {105, "install"},
    {106, "uninstall"}, {107, "get-dates"}, {108, "exec"}, {109, "prune"}, {110, "set-restart-time"},
    {111, "get-restart-time"}, {112, "get-log"}, {113, "wait-all"}, {114, "get-instance-strings"},
    {115, "get-restricted"}, {116, "set restricted"},
};
constexpr ValueName kUpdate[] = {{1, "fetch-file"}, {2, "fetch-info"}};
constexpr ValueName kRmtsys[] = {{1, "setpag"}, {2, "pioctl"}};
constexpr ValueName kBackup[] = {
    {0, "add-volume"}, {1, "create-dump"}, {2, "delete-dump"}, {3, "delete-tape"}, {4, "delete-vdp"},
    {5, "find-clone"}, {6, "find-dump"}, {7, "find-latest-dump"}, {8, "make-dump-appended"},
    {9, "find-last-tape"}, {10, "finish-dump"}, {11, "finish-tape"}, {12, "get-dumps"}, {13, "get-tapes"},
    {14, "get-volumes"}, {15, "use-tape"}, {16, "get-text"}, {17, "get-text-version"}, {18, "save-text"},
    {19, "free-all-locks"}, {20, "free-lock"}, {21, "get-instance-id"}, {22, "get-lock"}, {23, "db-verify"},
    {24, "dump-db"}, {25, "restore-db-header"}, {26, "t-get-version"}, {27, "t-dump-hash-table"},
    {28, "t-dump-database"}, {29, "add-volumes"}, {30, "list-dumps"},
};
constexpr ValueName kButc[] = {
    {100, "perform-dump"}, {101, "perform-restore"}, {102, "check-dump"}, {103, "abort-dump"},
    {104, "wait-for-dump"}, {105, "end-dump"}, {106, "get-tm-info"}, {107, "label-tape"}, {108, "scan-nodes"},
    {109, "read-label"}, {110, "scan-dumps"}, {111, "get-tc-info"}, {112, "save-database"},
    {113, "restore-database"}, {114, "get-status"}, {115, "request-abort"}, {116, "end-status"},
    {117, "scan-status"}, {118, "delete-dump"},
};
constexpr ValueName kUbik[] = {
    {10000, "vote-beacon"}, {10001, "vote-debug-old"}, {10002, "vote-sdebug-old"}, {10003, "vote-getsyncsite"},
    {10004, "vote-debug"}, {10005, "vote-sdebug"}, {10006, "vote-xdebug"}, {10007, "vote-xsdebug"},
    {20000, "disk-begin"}, {20001, "disk-commit"}, {20002, "disk-lock"}, {20003, "disk-write"},
    {20004, "disk-getversion"}, {20005, "disk-getfile"}, {20006, "disk-sendfile"}, {20007, "disk-abort"},
    {20008, "disk-releaselocks"}, {20009, "disk-truncate"}, {20010, "disk-probe"}, {20011, "disk-writev"},
    {20012, "disk-interfaceaddr"}, {20013, "disk-setversion"},
};

constexpr std::uint32_t kButcPort = 7025;  // and up

}  // namespace

bool isUbik(std::uint32_t opcode) { return (opcode >= 10000 && opcode <= 10007) || (opcode >= 20000 && opcode <= 20013); }

std::string_view serviceShortName(std::uint32_t port)
{
    static constexpr std::string_view kShort[] = {"FS", "CB", "PROT", "VLDB", "KAUTH", "VOL", "ERR", "BOS", "UPD", "RMT"};
    if (port >= 7000 && port <= 7009) return kShort[port - 7000];
    if (port == 7021) return "BKUP";
    if (port == kButcPort) return "BUTC";
    return {};
}

std::span<const ValueName> operationNames(std::uint32_t port, std::uint32_t opcode)
{
    if (isUbik(opcode)) return kUbik;
    switch (port) {
    case 7000: return kFs;
    case 7001: return kCb;
    case 7002: return kProt;
    case 7003: return kVldb;
    case 7004: return kKauth;
    case 7005: return kVol;
    case 7007: return kBos;
    case 7008: return kUpdate;
    case 7009: return kRmtsys;
    case 7021: return kBackup;
    default: return port >= kButcPort ? std::span<const ValueName>(kButc) : std::span<const ValueName>();
    }
}

}  // namespace rcvmon::afs
