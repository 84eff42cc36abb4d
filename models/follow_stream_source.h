// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "follow/follow_stream.h"
#include "follow/stream_follower.h"
#include "packet_store_view.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace rcvmon {

// Follow Stream over the retained packets. Stream numbers (tcp.stream, udp.stream) are the
// dissector's, which needs every frame in order, so the first use walks the retained frames
// once and keeps each stream's frame numbers (8 bytes per TCP/UDP frame, nothing else); later
// calls only catch up with frames that arrived since. Following a stream then re-dissects
// just that stream's frames, so a stream costs what it holds, not what the capture holds.
// GUI thread only, as the store view is.
class FollowStreamSource {
public:
    // A new store (or none): forgets everything.
    void setStore(PacketStoreView* store);
    PacketStoreView* store() const { return m_store; }

    // The stream a frame belongs to, for TCP (TLS too) or UDP; nullopt when it has none.
    std::optional<std::uint32_t> streamOf(FollowProtocol protocol, std::uint64_t frame);
    // How many streams of that transport the retained frames hold.
    std::uint32_t streamCount(FollowProtocol protocol);
    // The followed stream, as tshark's -z follow builds it.
    FollowStream follow(FollowProtocol protocol, std::uint32_t stream);
    // Frames dissected by follow() calls so far (tests: proportional to the stream).
    std::uint64_t followDissected() const { return m_followDissected; }

private:
    void catchUp();
    std::vector<std::vector<std::uint64_t>>& framesOf(FollowProtocol protocol)
    {
        return protocol == FollowProtocol::Udp ? m_udp : m_tcp;
    }

    PacketStoreView* m_store = nullptr;
    Dissector m_dissector;
    Dissection m_dissection;
    std::uint64_t m_next = 0;  // the next frame to index; 0 before the first walk
    std::vector<std::vector<std::uint64_t>> m_tcp, m_udp;
    std::uint64_t m_followDissected = 0;
};

}  // namespace rcvmon
