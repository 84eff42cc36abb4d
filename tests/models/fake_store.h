// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// A store the tests grow and evict by hand, and a decoder that reads its text out of the
// frame bytes, so a test can tell which packet a cell was built from.

#include "packet_decoder.h"
#include "packet_store_view.h"

#include <deque>
#include <string>
#include <vector>

namespace rcvmon::test {

class FakeStore : public PacketStoreView {
public:
    // Appends frame number endNumber(): bytes "pkt<N>" padded to `length`, one ms apart.
    void append(std::uint32_t length = 60, CaptureMode mode = CaptureMode::IpLevel,
                Direction direction = Direction::Incoming, std::uint8_t frameFlags = 0)
    {
        const std::uint64_t number = m_end++;
        std::string text = "pkt" + std::to_string(number);
        std::vector<std::uint8_t> bytes(text.begin(), text.end());
        bytes.resize(std::max<std::size_t>(length, bytes.size()), 0xab);
        PacketMeta meta;
        meta.number = number;
        meta.ts = {1'700'000'000 + static_cast<std::int64_t>(number / 1000),
                   static_cast<std::uint32_t>((number % 1000) * 1'000'000)};
        meta.capturedLength = meta.originalLength = static_cast<std::uint32_t>(bytes.size());
        meta.linkType = 1;
        meta.direction = direction;
        meta.mode = mode;
        meta.frameFlags = frameFlags;
        m_meta.push_back(meta);
        m_bytes.push_back(std::move(bytes));
    }
    void evict(std::uint64_t count)
    {
        for (std::uint64_t i = 0; i < count && !m_meta.empty(); ++i) {
            m_meta.pop_front();
            m_bytes.pop_front();
            ++m_first;
        }
    }

    std::uint64_t firstNumber() const override { return m_first; }
    std::uint64_t endNumber() const override { return m_end; }
    bool meta(std::uint64_t number, PacketMeta& out) const override
    {
        if (number < m_first || number >= m_end) return false;
        out = m_meta[number - m_first];
        return true;
    }
    bool frame(std::uint64_t number, FrameRef& out) override
    {
        if (number < m_first || number >= m_end || number == failing) {
            m_error = "frame " + std::to_string(number) + " is gone";
            return false;
        }
        const PacketMeta& meta = m_meta[number - m_first];
        out = FrameRef{};
        out.ts = meta.ts;
        out.capturedLength = meta.capturedLength;
        out.originalLength = meta.originalLength;
        out.linkType = meta.linkType;
        out.direction = meta.direction;
        out.data = ByteSpan(m_bytes[number - m_first]);
        return true;
    }
    const std::string& error() const override { return m_error; }

    std::uint64_t failing = 0;  // a frame whose bytes cannot be read

private:
    std::uint64_t m_first = 1;
    std::uint64_t m_end = 1;
    std::deque<PacketMeta> m_meta;
    std::deque<std::vector<std::uint8_t>> m_bytes;
    std::string m_error;
};

class FakeDecoder : public PacketDecoder {
public:
    SummaryText summarize(const FrameRef& frame, std::uint64_t) override
    {
        const std::string tag = tagOf(frame);
        return {"src-" + tag, "dst-" + tag, "FAKE", "info " + tag};
    }
    // Two layers: "Head" over bytes [0,3) with a field "Tag" over [0,3), "Body" over the rest.
    std::vector<DetailNode> detail(const FrameRef& frame, std::uint64_t) override
    {
        const auto size = static_cast<std::uint32_t>(frame.data.size());
        return {
            {-1, "Head", "head", 0, 3, false},
            {0, "Tag: " + tagOf(frame), "head.tag", 0, 3, false},
            {-1, "Body", "body", 3, size - 3, false},
            {2, "Padding", "body.pad", 10, size > 10 ? size - 10 : 0, true},
        };
    }

private:
    static std::string tagOf(const FrameRef& frame)
    {
        std::string tag;
        for (std::uint8_t byte : frame.data) {
            if (byte == 0xab) break;
            tag.push_back(static_cast<char>(byte));
        }
        return tag;
    }
};

}  // namespace rcvmon::test
