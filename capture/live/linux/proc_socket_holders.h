// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace rcvmon {

// Which process holds each socket inode, from the /proc/PID/fd/* links ("socket:[inode]").
//
// A full scan reads every process's fd directory, so it is kept as a cache: an inode found in an
// earlier scan is trusted after one readlink shows that its fd still points at it, and a new
// full scan happens at most once per round (beginRound), only when some inode is not found.
// Without root only our own user's processes are visible: the others' sockets stay unfound,
// which callers report as unknown.
//
// A socket shared by several processes (inherited over fork, passed over a Unix socket) is
// attributed to the lowest PID holding it — usually the parent that opened it — so the answer
// does not depend on directory order; holders says how many processes hold it.
class ProcSocketHolders {
public:
    struct Holder {
        std::uint32_t pid = 0;      // lowest PID holding the inode
        std::uint32_t fd = 0;       // one of its descriptors for it
        std::uint32_t holders = 0;  // processes holding it
    };

    explicit ProcSocketHolders(std::string procRoot = "/proc");

    void beginRound() { m_scannedThisRound = false; }
    std::optional<Holder> find(std::uint64_t inode);
    std::uint64_t scans() const { return m_scans; }

private:
    struct Entry {
        Holder holder;
        std::uint32_t lastPid = 0;  // counts each process once however many fds it has
    };
    bool stillHolds(const Holder& holder, std::uint64_t inode) const;
    void scan();

    std::string m_procRoot;
    std::unordered_map<std::uint64_t, Entry> m_byInode;
    bool m_scannedThisRound = false;
    std::uint64_t m_scans = 0;
};

// The name the kernel keeps for a process (/proc/PID/comm, at most 15 bytes); nullopt when the
// process has gone or cannot be read.
std::optional<std::string> readProcessName(std::uint32_t pid, const std::string& procRoot = "/proc");

}  // namespace rcvmon
