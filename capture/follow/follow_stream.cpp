// SPDX-License-Identifier: GPL-2.0-or-later
#include "follow/follow_stream.h"

namespace rcvmon {

std::string_view followProtocolName(FollowProtocol protocol)
{
    switch (protocol) {
    case FollowProtocol::Tcp: return "tcp";
    case FollowProtocol::Udp: return "udp";
    case FollowProtocol::Tls: return "tls";
    case FollowProtocol::Http: return "http";
    }
    return "tcp";
}

std::optional<FollowProtocol> followProtocolFromName(std::string_view name)
{
    for (FollowProtocol p : {FollowProtocol::Tcp, FollowProtocol::Udp, FollowProtocol::Tls, FollowProtocol::Http})
        if (followProtocolName(p) == name) return p;
    return std::nullopt;
}

void FollowStream::append(bool fromServer, std::uint64_t frame, Timestamp ts, ByteSpan data)
{
    FollowChunk c;
    c.server = fromServer;
    c.frame = frame;
    c.ts = ts;
    c.offset = static_cast<std::uint32_t>(bytes.size());
    c.length = static_cast<std::uint32_t>(data.size());
    bytes.insert(bytes.end(), data.begin(), data.end());
    chunks.push_back(c);
}

std::uint64_t FollowStream::sentBy(bool fromServer) const
{
    std::uint64_t n = 0;
    for (const FollowChunk& c : chunks)
        if (c.server == fromServer) n += c.length;
    return n;
}

}  // namespace rcvmon
