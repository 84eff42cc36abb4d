// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "follow/follow_stream.h"

#include <array>
#include <cstdint>
#include <vector>

namespace rcvmon {

// Follow HTTP Stream: the HTTP messages of a TCP conversation as tshark 4.0's follow,http
// gets them from the HTTP dissector's follow tap (packet-http.c): for each message, its
// start line and headers up to the blank line as one chunk, then, when it has one, its body
// as another, de-chunked and with gzip/deflate undone (http.decompress_body is on by
// default), both in the frame that completes the message. Fed the TCP follower's in-order chunks; a
// side whose bytes do not start an HTTP message is not HTTP and adds nothing.
class HttpFollower {
public:
    explicit HttpFollower(FollowStream& out) : m_out(out) {}
    // The next in-order chunk of the TCP conversation (`data` its bytes).
    void add(const FollowChunk& chunk, ByteSpan data);

private:
    enum class State : std::uint8_t { Headers, Length, Chunked, UntilClose, NotHttp };
    enum class Coding : std::uint8_t { Identity, Gzip, Deflate };
    struct Side {
        State state = State::Headers;
        std::vector<std::uint8_t> buffer;  // bytes of the message not yet emitted
        std::uint64_t bodyLength = 0;      // State::Length
        Coding coding = Coding::Identity;
        std::vector<std::uint8_t> body;    // State::Chunked: the de-chunked body so far
        std::vector<std::uint8_t> head;    // the headers, until the body is complete
    };
    // Consumes what it can of side's buffer; emits at `frame`.
    void parse(bool server, std::uint64_t frame, Timestamp ts);
    bool parseHeaders(bool server, Side& side, std::uint64_t frame, Timestamp ts);
    // Chunked body: true once the last chunk and trailers are in.
    bool parseChunks(Side& side);
    void emitHead(bool server, Side& side, std::uint64_t frame, Timestamp ts);
    // The message's headers (if not out yet), then its body.
    void emitBody(bool server, Side& side, ByteSpan body, std::uint64_t frame, Timestamp ts);

    FollowStream& m_out;
    std::array<Side, 2> m_sides;
    int m_pendingHead = 0;         // HEAD requests whose responses have not come yet
};

}  // namespace rcvmon
