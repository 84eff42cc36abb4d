// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"
#include "stats/conversation_table.h"
#include "stats/endpoint_table.h"
#include "stats/layer_fields.h"
#include "stats/packet_taps.h"
#include "stats/protocol_hierarchy.h"
#include "stats/protocol_path.h"
#include "stats/stat_kind.h"
#include "stats/talker_timeline.h"
#include "stats/tcp_stream_index.h"

#include <array>
#include <cstdint>

namespace rcvmon {

class Dissection;

// Conversations, endpoints and the protocol hierarchy, kept up to date one dissected frame
// at a time (so a live capture can show them as it runs), with tshark's numbers: each
// frame counts its wire length, times are relative to the first frame added.
// Frames must come in capture order, after the same Dissector state as tshark's single pass.
// Per frame: no allocation beyond new table rows. Not synchronised: the thread that adds
// frames is the one that reads the tables (a GUI adds on its ingest timer, then refreshes).
// Top talkers over time are kept for the last `talkerHorizon` capture seconds.
class TrafficStatistics {
public:
    explicit TrafficStatistics(std::int64_t talkerHorizon = TalkerTimeline::kDefaultHorizon)
        : m_talkers(talkerHorizon)
    {
    }

    void add(const FrameRef& frame, const Dissection& dissection);
    void clear();

    const ConversationTable& conversations(StatKind kind) const { return m_conversations[statKindIndex(kind)]; }
    const EndpointTable& endpoints(StatKind kind) const { return m_endpoints[statKindIndex(kind)]; }
    const ProtocolHierarchy& hierarchy() const { return m_hierarchy; }
    // Bytes per IPv4 and IPv6 endpoint per capture second, counted as the endpoint tables are.
    const TalkerTimeline& talkers() const { return m_talkers; }
    std::uint64_t frames() const { return m_frames; }

private:
    std::array<ConversationTable, kStatKindCount> m_conversations;
    std::array<EndpointTable, kStatKindCount> m_endpoints;
    ProtocolHierarchy m_hierarchy;
    TalkerTimeline m_talkers;
    TcpStreamIndex m_tcpStreams;
    // Scratch reused for every frame.
    LayerFields m_fields;
    PacketTaps m_taps;
    ProtocolPath m_path;
    Timestamp m_first;
    std::uint64_t m_frames = 0;
};

}  // namespace rcvmon
