// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "expert_taps.h"
#include "follow_request.h"
#include "stats/stat_kind.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rcvmon::cli {

// One -z argument, with tshark's names: conv,<kind>, endpoints,<kind> or io,phs, where
// <kind> is eth, ip, ipv6, tcp or udp; or follow,... (follow_request.h); or io,stat,...
// (io_stat_request.h, parsed by IoStatTaps).
struct StatisticRequest {
    enum class Table : std::uint8_t { Conversations, Endpoints, ProtocolHierarchy, Follow, Expert, IoStat };
    Table table = Table::ProtocolHierarchy;
    StatKind kind = StatKind::Ethernet;  // not used by io,phs
    FollowRequest follow;                // Table::Follow only
    ExpertRequest expert;                // Table::Expert only
};

// nullopt and `error` set (one line saying what is accepted) for anything else.
std::optional<StatisticRequest> parseStatisticRequest(const std::string& spec, std::string& error);

}  // namespace rcvmon::cli
