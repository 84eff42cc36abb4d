// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/flow_owner.h"

namespace rcvmon {

std::string describeOwner(const FlowOwner& owner)
{
    switch (owner.status) {
    case FlowOwner::Status::Pending: return {};
    case FlowOwner::Status::Unknown: return "unknown";
    case FlowOwner::Status::Known: break;
    }
    // A process we may not open (Windows' protected ones) still has a PID worth showing.
    const std::string name = owner.process.name.empty() ? "unknown" : owner.process.name;
    return name + " (" + std::to_string(owner.process.pid) + ")";
}

}  // namespace rcvmon
