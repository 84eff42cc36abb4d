// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"
#include "core/frame.h"
#include "live/flow_key.h"

#include <cstdint>
#include <optional>

namespace rcvmon {

// The flow key ProcessMap answers for, read from a captured frame's own headers: the outermost
// IPv4/IPv6 header (after Ethernet with VLAN tags, Linux cooked, BSD loopback or raw IP) and the
// TCP or UDP ports right behind it. Nothing for frames that have no local end (OtherHost, or a
// file that does not say which way a frame went), for other protocols, and for later fragments,
// which carry no ports. Reads only headers, allocates nothing.
std::optional<FlowKey> localFlowKey(std::uint32_t linkType, ByteSpan data, Direction direction);

}  // namespace rcvmon
