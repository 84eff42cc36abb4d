// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"
#include "core/timestamp.h"
#include "stats/stat_address.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {

// What Follow Stream follows, with Wireshark's follower names (tshark -z follow,NAME,...).
enum class FollowProtocol : std::uint8_t { Tcp, Udp, Tls, Http };

std::string_view followProtocolName(FollowProtocol protocol);  // "tcp", "udp", "tls", "http"
std::optional<FollowProtocol> followProtocolFromName(std::string_view name);

struct FollowEndpoint {
    StatAddress address;  // Family::None until the first packet is seen
    std::uint16_t port = 0;
};

// One piece of the conversation: bytes one side sent, in the frame that brought them.
struct FollowChunk {
    bool server = false;        // sent by Node 1 (the side that did not send the first packet)
    std::uint64_t frame = 0;
    Timestamp ts;               // zero for a "[N bytes missing in capture file]" marker
    std::uint32_t offset = 0;   // into FollowStream::bytes
    std::uint32_t length = 0;
};

// A followed conversation: its two ends and its payload in order (Wireshark's follow_info_t).
struct FollowStream {
    FollowProtocol protocol = FollowProtocol::Tcp;
    std::string filter;          // the display filter that selects it ("tcp.stream eq 3")
    FollowEndpoint client, server;
    std::vector<FollowChunk> chunks;
    std::vector<std::uint8_t> bytes;

    ByteSpan data(const FollowChunk& c) const { return ByteSpan(bytes).subspan(c.offset, c.length); }
    void append(bool server, std::uint64_t frame, Timestamp ts, ByteSpan data);
    std::uint64_t sentBy(bool server) const;
};

}  // namespace rcvmon
