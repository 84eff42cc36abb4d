// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/timestamp.h"

#include <cstdint>

namespace rcvmon {

// What a capture counted on one interface, written at its end as a pcapng Interface
// Statistics Block (isb_starttime, isb_endtime, isb_ifrecv, isb_ifdrop), as dumpcap does.
struct InterfaceStatistics {
    Timestamp start;
    Timestamp end;
    std::uint64_t received = 0;  // frames the interface handed to the capture
    std::uint64_t dropped = 0;   // frames lost before they could be written (kernel, queues)
};

}  // namespace rcvmon
