// SPDX-License-Identifier: GPL-2.0-or-later
#include "statistic_request.h"

#include <string_view>

namespace rcvmon::cli {

std::optional<StatisticRequest> parseStatisticRequest(const std::string& spec, std::string& error)
{
    const std::string_view s = spec;
    StatisticRequest r;
    if (s == "io,phs") return r;
    if (s.starts_with("io,stat,")) {
        r.table = StatisticRequest::Table::IoStat;
        return r;
    }
    if (s == "expert" || s.starts_with("expert,")) {
        auto expert = parseExpertRequest(spec, error);
        if (!expert) return std::nullopt;
        r.table = StatisticRequest::Table::Expert;
        r.expert = *expert;
        return r;
    }
    if (s.starts_with("follow,")) {
        auto follow = parseFollowRequest(spec, error);
        if (!follow) return std::nullopt;
        r.table = StatisticRequest::Table::Follow;
        r.follow = *follow;
        return r;
    }

    const std::size_t comma = s.find(',');
    const std::string_view table = s.substr(0, comma);
    const std::string_view rest = comma == std::string_view::npos ? std::string_view{} : s.substr(comma + 1);
    if (table == "conv" || table == "endpoints") {
        r.table = table == "conv" ? StatisticRequest::Table::Conversations : StatisticRequest::Table::Endpoints;
        const std::size_t filterComma = rest.find(',');
        if (auto kind = statKindFromFilterName(rest.substr(0, filterComma))) {
            if (filterComma != std::string_view::npos) {
                error = "-z " + spec + ": a filter inside -z is not supported; give the statistic alone";
                return std::nullopt;
            }
            r.kind = *kind;
            return r;
        }
    } else if (s.starts_with("io,phs,")) {
        error = "-z " + spec + ": a filter inside -z is not supported; give -z io,phs alone";
        return std::nullopt;
    }
    error = "invalid -z argument '" + spec +
            "'; supported: conv,TYPE  endpoints,TYPE (TYPE: eth, ip, ipv6, tcp, udp)  io,phs  io,stat,INTERVAL[,COLUMN...]  follow,PROTO,MODE,STREAM  expert[,LEVEL][,FILTER]";
    return std::nullopt;
}

}  // namespace rcvmon::cli
