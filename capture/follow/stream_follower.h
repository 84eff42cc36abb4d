// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "dissect/transport_tap.h"
#include "follow/follow_stream.h"
#include "follow/tcp_follow.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace rcvmon {

class HttpFollower;

// The TCP and UDP payloads of the frame being dissected, copied so they outlive the
// dissection (a reassembled datagram's bytes do not). Set it as the Dissection's transport
// tap, clear() before each frame. Reuses its buffers: steady state allocates nothing.
class FramePayloads final : public TransportTap {
public:
    void payload(const TransportPayload& p) override;
    void clear();
    // Once the frame is dissected: the addresses Wireshark's follow sees (pinfo->src/dst)
    // differ from the IPv6 header's after a home address option or a type 0 routing header.
    void settleAddresses(const Dissection& dissection);
    std::size_t size() const { return m_items.size(); }
    // The i-th payload, its data pointing into this buffer.
    TransportPayload at(std::size_t i) const;

private:
    struct Item {
        TransportPayload payload;
        std::size_t offset = 0;
    };
    std::vector<Item> m_items;
    std::vector<std::uint8_t> m_bytes;
    bool m_settled = false;
};

// Follows one stream: given each frame that matches the stream's filter (tshark's tap
// filter, "tcp.stream eq N"), with the payloads that frame's TCP or UDP layers tapped, it
// builds the FollowStream as tshark's follower does. TLS without keys has no decrypted
// application data, so it stays empty, as tshark's follow,tls shows it.
class StreamFollower {
public:
    StreamFollower(FollowProtocol protocol, std::string filter);
    StreamFollower(const StreamFollower&) = delete;
    StreamFollower& operator=(const StreamFollower&) = delete;
    ~StreamFollower();

    void addFrame(const FramePayloads& payloads, std::uint64_t frame, Timestamp ts);
    const FollowStream& stream() const { return m_stream; }
    FollowStream take() { return std::move(m_stream); }

private:
    FollowStream m_stream;
    std::unique_ptr<TcpFollower> m_tcp;
    // HTTP: the TCP follower writes the conversation here, and the HTTP follower turns its
    // chunks into messages in m_stream.
    std::unique_ptr<FollowStream> m_tcpStream;
    std::unique_ptr<HttpFollower> m_http;
    std::size_t m_tcpChunksSeen = 0;
    std::size_t m_httpChunksSeen = 0;
    bool m_httpNodes = false;  // Node 0 is the sender of the first HTTP message, as tshark's tap
    bool m_httpFlip = false;
};

}  // namespace rcvmon
