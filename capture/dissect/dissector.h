// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"
#include "dissect/dissection.h"
#include "dissect/protocol_registry.h"
#include "dissect/expected_conversations.h"
#include "dissect/ip_reassembly.h"
#include "dissect/pdu_prefixes.h"
#include "dissect/protocol_registry.h"
#include "dissect/protocols/quic/quic_connections.h"
#include "dissect/tcp_conversations.h"
#include "dissect/udp_conversations.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace rcvmon {

struct DissectorOptions {
    bool reassemble = true;  // IPv4/IPv6 defragmentation, as tshark's default
};

// Dissects frames into a Dissection. Holds the state that spans frames (IP fragment
// reassembly, TCP relative sequence numbers), so frames must be fed in file order;
// reset() forgets it (a new file, or a re-dissection from the start).
class Dissector {
public:
    using Options = DissectorOptions;

    // Building the protocol tables here gives every registered field its id before the first
    // frame (a protocol's file-local ids are zero until its registration has run).
    Dissector() { protocolTables(); }
    explicit Dissector(Options options) : m_options(options) { protocolTables(); }

    void dissect(const FrameRef& frame, std::uint64_t frameNumber, Dissection& out);
    // A hint from a caller that reads one frame ahead: `next` is dissected after the current
    // frame, so the memory its TCP/UDP conversation lookup reads starts loading now; dissect()
    // then also asks early for the conversation itself. Changes no dissection state.
    void prefetch(const FrameRef& next);
    void reset();
    const Options& options() const { return m_options; }
    // TCP's conversation table and reassembly buffers, for their memory figures (--bench).
    const TcpConversations& tcpConversations() const { return m_tcp; }
    // The name of each interface of the capture (pcapng if_name), for frame.interface_name;
    // asked per frame, so a stream's interfaces may be learnt as they arrive. Empty: none.
    using InterfaceNames = std::function<std::string_view(std::uint32_t interfaceId)>;
    void setInterfaceNames(InterfaceNames names) { m_interfaceNames = std::move(names); }
    // The comments of the frame being dissected (pcapng opt_comment, the user's), for
    // frame.comment: fills `out` (cleared, reused) for the frame number. Empty: none.
    using FrameComments = std::function<void(std::uint64_t frameNumber, std::vector<std::string_view>& out)>;
    void setFrameComments(FrameComments comments) { m_frameComments = std::move(comments); }

private:
    Options m_options;
    InterfaceNames m_interfaceNames;
    FrameComments m_frameComments;
    std::vector<std::string_view> m_comments;  // reused for each frame
    const std::uint8_t* m_prefetched = nullptr;  // the frame prefetch() was last given
    IpReassembler m_reassembler;
    TcpConversations m_tcp;
    std::vector<std::unique_ptr<ProtocolState>> m_states = createProtocolStates();  // the registered protocols'
    ExpectedConversations m_expected;
    PduPrefixes m_pduPrefixes;
    UdpConversations m_udp;
    QuicConnections m_quic;
};

}  // namespace rcvmon
