// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/ip_helper_flow_owner_resolver.h"

#include "live/socket_table.h"
#include "live/windows/ip_helper_tables.h"
#include "live/windows/process_image_name.h"

#include <optional>
#include <unordered_map>

namespace rcvmon {

bool IpHelperFlowOwnerResolver::resolve(std::span<const FlowKey> keys, std::vector<FlowOwner>& owners,
                                        std::string& error)
{
    const FlowOwner unknown{FlowOwner::Status::Unknown, {}};
    owners.assign(keys.size(), unknown);
    std::vector<OwnedSocket> sockets;
    if (!readOwnerPidTables(sockets, error)) return false;
    const SocketTable table(std::move(sockets));
    std::unordered_map<std::uint32_t, ProcessImageName> names;  // each process queried once per call
    for (std::size_t i = 0; i < keys.size(); ++i) {
        // Known only when every candidate socket belongs to the same process.
        std::optional<std::uint32_t> pid;
        bool agreed = true;
        for (const OwnedSocket* socket : table.candidatesFor(keys[i])) {
            const auto holder = static_cast<std::uint32_t>(socket->holder);
            agreed = agreed && (!pid || *pid == holder);
            pid = holder;
        }
        if (!pid || !agreed) continue;
        auto named = names.find(*pid);
        if (named == names.end()) named = names.emplace(*pid, queryProcessImageName(*pid)).first;
        if (named->second.result == ProcessImageName::Result::Gone) continue;
        owners[i] = {FlowOwner::Status::Known, {*pid, named->second.name, 1}};
    }
    return true;
}

std::unique_ptr<FlowOwnerResolver> makePlatformFlowOwnerResolver()
{
    return std::make_unique<IpHelperFlowOwnerResolver>();
}

}  // namespace rcvmon
