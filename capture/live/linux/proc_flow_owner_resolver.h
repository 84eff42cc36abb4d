// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/flow_owner.h"
#include "live/linux/proc_socket_holders.h"
#include "live/socket_table.h"

#include <string>

namespace rcvmon {

// Flow owners on Linux: the socket tables of /proc/net/{tcp,tcp6,udp,udp6} give the socket
// (its inode) that owns a flow, the /proc/PID/fd links the process holding that inode, and
// /proc/PID/comm its name.
//
// /proc/net shows the sockets of one network namespace. By default the tables are read from
// /proc/thread-self/net — the namespace of the thread calling resolve() (ProcessMap's worker,
// which stays in the namespace of the thread that created the map) — falling back to /proc/net
// on kernels before 3.17. The fd links are in the PID namespace of the /proc mount.
class ProcFlowOwnerResolver : public FlowOwnerResolver {
public:
    struct Paths {
        std::string netDirectory;          // empty: /proc/thread-self/net, else /proc/net
        std::string procRoot = "/proc";    // where the PID directories are
    };

    ProcFlowOwnerResolver();
    explicit ProcFlowOwnerResolver(Paths paths);

    bool resolve(std::span<const FlowKey> keys, std::vector<FlowOwner>& owners, std::string& error) override;
    std::uint64_t fdScans() const { return m_holders.scans(); }

private:
    bool readSockets(std::vector<OwnedSocket>& sockets, std::string& error) const;
    FlowOwner ownerOf(const std::vector<const OwnedSocket*>& candidates);

    Paths m_paths;
    ProcSocketHolders m_holders;
};

}  // namespace rcvmon
