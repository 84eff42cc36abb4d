// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/flow_owner.h"

namespace rcvmon {

// Flow owners on Windows: the owner-PID socket tables of the IP Helper API
// (live/windows/ip_helper_tables.h) give the PID that owns a flow's socket, and
// queryProcessImageName its name. A process that exists but may not be queried is still
// Known, with an empty name (shown as "unknown (PID)"); one that has exited is Unknown.
class IpHelperFlowOwnerResolver : public FlowOwnerResolver {
public:
    bool resolve(std::span<const FlowKey> keys, std::vector<FlowOwner>& owners, std::string& error) override;
};

}  // namespace rcvmon
