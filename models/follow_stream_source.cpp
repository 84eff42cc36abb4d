// SPDX-License-Identifier: GPL-2.0-or-later
#include "follow_stream_source.h"

#include "dissect/field_registry.h"

#include <algorithm>
#include <string>

namespace rcvmon {
namespace {

FieldId streamField(FollowProtocol protocol)
{
    return findField(protocol == FollowProtocol::Udp ? "udp.stream" : "tcp.stream").value_or(FieldId{0});
}

void noteStreams(std::vector<std::vector<std::uint64_t>>& lists, const Dissection& d, FieldId id, std::uint64_t frame)
{
    for (const FieldRecord& f : d.fields()) {
        if (f.id != id) continue;
        const auto stream = static_cast<std::size_t>(f.number);
        if (stream >= lists.size()) lists.resize(stream + 1);
        // A frame with two layers of one stream (a tunnel) is listed once.
        if (lists[stream].empty() || lists[stream].back() != frame) lists[stream].push_back(frame);
    }
}

}  // namespace

void FollowStreamSource::setStore(PacketStoreView* store)
{
    m_store = store;
    m_dissector.reset();
    m_next = 0;
    m_tcp.clear();
    m_udp.clear();
}

void FollowStreamSource::catchUp()
{
    if (!m_store) return;
    if (m_next < m_store->firstNumber()) m_dissector.reset();  // frames were evicted unseen
    if (m_next < m_store->firstNumber()) m_next = m_store->firstNumber();
    const FieldId tcp = streamField(FollowProtocol::Tcp), udp = streamField(FollowProtocol::Udp);
    FrameRef frame;
    for (; m_next < m_store->endNumber(); ++m_next) {
        if (!m_store->frame(m_next, frame)) continue;
        m_dissector.dissect(frame, m_next, m_dissection);
        noteStreams(m_tcp, m_dissection, tcp, m_next);
        noteStreams(m_udp, m_dissection, udp, m_next);
    }
}

std::optional<std::uint32_t> FollowStreamSource::streamOf(FollowProtocol protocol, std::uint64_t frame)
{
    catchUp();
    const auto& lists = framesOf(protocol);
    for (std::size_t s = 0; s < lists.size(); ++s)
        if (std::binary_search(lists[s].begin(), lists[s].end(), frame)) return static_cast<std::uint32_t>(s);
    return std::nullopt;
}

std::uint32_t FollowStreamSource::streamCount(FollowProtocol protocol)
{
    catchUp();
    return static_cast<std::uint32_t>(framesOf(protocol).size());
}

FollowStream FollowStreamSource::follow(FollowProtocol protocol, std::uint32_t stream)
{
    catchUp();
    const std::string transport = protocol == FollowProtocol::Udp ? "udp" : "tcp";
    StreamFollower follower(protocol, transport + ".stream eq " + std::to_string(stream));
    const auto& lists = framesOf(protocol);
    if (!m_store || stream >= lists.size()) return follower.take();
    // A fresh dissector over the stream's frames alone: TCP's relative sequence numbers and
    // the follow rules depend only on the stream's own segments.
    Dissector dissector;
    Dissection dissection;
    FramePayloads payloads;
    dissection.setTransportTap(&payloads);
    FrameRef frame;
    for (std::uint64_t number : lists[stream]) {
        if (!m_store->frame(number, frame)) continue;
        payloads.clear();
        dissector.dissect(frame, number, dissection);
        ++m_followDissected;
        payloads.settleAddresses(dissection);
        follower.addFrame(payloads, number, frame.ts);
    }
    return follower.take();
}

}  // namespace rcvmon
