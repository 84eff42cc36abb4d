// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "follow/follow_stream.h"
#include "follow/follow_text.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rcvmon::cli {

// -z follow,PROTO,MODE,FILTER[,RANGE] as tshark takes it: PROTO tcp, udp or tls; MODE
// ascii, hex, raw or yaml; FILTER a stream index or ADDR:PORT,ADDR:PORT (IPv6 in brackets);
// RANGE the chunks to print, N or N-M.
struct FollowRequest {
    FollowProtocol protocol = FollowProtocol::Tcp;
    FollowFormat format = FollowFormat::Ascii;
    std::string filter;  // the display filter tshark builds ("tcp.stream eq 3")
    std::uint32_t chunkMin = 1, chunkMax = UINT32_MAX;
};

// For a spec that starts with "follow,": the request, or nullopt with `error` set.
std::optional<FollowRequest> parseFollowRequest(const std::string& spec, std::string& error);

}  // namespace rcvmon::cli
