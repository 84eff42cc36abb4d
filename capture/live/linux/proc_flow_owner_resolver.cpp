// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/linux/proc_flow_owner_resolver.h"

#include "live/linux/proc_net_parser.h"
#include "live/socket_table.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace rcvmon {
namespace {

// /proc files report size 0: read until the end.
bool readWholeFile(const std::string& path, std::string& text, int& error)
{
    const int file = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file < 0) {
        error = errno;
        return false;
    }
    text.clear();
    char chunk[16384];
    for (;;) {
        const ssize_t got = read(file, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        text.append(chunk, static_cast<std::size_t>(got));
    }
    close(file);
    return true;
}

std::string defaultNetDirectory()
{
    return access("/proc/thread-self/net/tcp", R_OK) == 0 ? "/proc/thread-self/net" : "/proc/net";
}

}  // namespace

ProcFlowOwnerResolver::ProcFlowOwnerResolver() : ProcFlowOwnerResolver(Paths{}) {}

ProcFlowOwnerResolver::ProcFlowOwnerResolver(Paths paths) : m_paths(std::move(paths)), m_holders(m_paths.procRoot)
{
    if (m_paths.netDirectory.empty()) m_paths.netDirectory = defaultNetDirectory();
}

bool ProcFlowOwnerResolver::readSockets(std::vector<OwnedSocket>& sockets, std::string& error) const
{
    struct Table {
        const char* file;
        FlowTransport transport;
        FlowFamily family;
    };
    static constexpr Table tables[] = {
        {"tcp", FlowTransport::Tcp, FlowFamily::Ipv4},
        {"udp", FlowTransport::Udp, FlowFamily::Ipv4},
        {"tcp6", FlowTransport::Tcp, FlowFamily::Ipv6},  // absent when IPv6 is off
        {"udp6", FlowTransport::Udp, FlowFamily::Ipv6},
    };
    std::string text;
    for (const Table& table : tables) {
        const std::string path = m_paths.netDirectory + "/" + table.file;
        int failure = 0;
        if (!readWholeFile(path, text, failure)) {
            if (table.family == FlowFamily::Ipv6) continue;
            error = "cannot read " + path + ": " + std::strerror(failure);
            return false;
        }
        const std::vector<OwnedSocket> rows = parseProcNetTable(text, table.transport, table.family);
        sockets.insert(sockets.end(), rows.begin(), rows.end());
    }
    return true;
}

bool ProcFlowOwnerResolver::resolve(std::span<const FlowKey> keys, std::vector<FlowOwner>& owners, std::string& error)
{
    owners.assign(keys.size(), FlowOwner{FlowOwner::Status::Unknown, {}});
    std::vector<OwnedSocket> sockets;
    if (!readSockets(sockets, error)) return false;
    const SocketTable table(std::move(sockets));
    m_holders.beginRound();
    for (std::size_t i = 0; i < keys.size(); ++i) owners[i] = ownerOf(table.candidatesFor(keys[i]));
    return true;
}

// Known only when every candidate socket is held by the same process and that process can
// still be named: anything else would be a guess.
FlowOwner ProcFlowOwnerResolver::ownerOf(const std::vector<const OwnedSocket*>& candidates)
{
    const FlowOwner unknown{FlowOwner::Status::Unknown, {}};
    std::optional<ProcSocketHolders::Holder> owner;
    for (const OwnedSocket* socket : candidates) {
        const auto holder = m_holders.find(socket->holder);
        if (!holder || (owner && owner->pid != holder->pid)) return unknown;
        owner = holder;
    }
    if (!owner) return unknown;
    auto name = readProcessName(owner->pid, m_paths.procRoot);
    if (!name) return unknown;  // exited since the scan
    return {FlowOwner::Status::Known, {owner->pid, std::move(*name), owner->holders}};
}

std::unique_ptr<FlowOwnerResolver> makePlatformFlowOwnerResolver()
{
    return std::make_unique<ProcFlowOwnerResolver>();
}

}  // namespace rcvmon
