// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter_fuzz_input.h"

#include "dissector_fuzz_input.h"
#include "filter_test_packets.h"

#include "dissect/dissector.h"
#include "filter/display_filter.h"
#include "filter/packet_matcher.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace rcvmon::fuzz {

namespace {

struct Frame {
    std::vector<std::uint8_t> bytes;
    std::uint32_t linkType;
    std::uint32_t extraWireBytes;
};

std::vector<Frame> framesOf(const std::uint8_t* data, std::size_t size)
{
    static const std::vector<test::Bytes> builtIn = test::filterTestFrames();
    std::vector<Frame> frames;
    for (const test::Bytes& b : builtIn) frames.push_back(Frame{b, link_type::Ethernet, 0});
    FuzzFrames input;
    if (decodeInput(data, size, input)) {
        for (auto& bytes : input.frames) frames.push_back(Frame{std::move(bytes), input.linkType, input.extraWireBytes});
    }
    return frames;
}

}  // namespace

void runFilterInput(const std::uint8_t* data, std::size_t size)
{
    const auto* nul = static_cast<const std::uint8_t*>(std::memchr(data, 0, size));
    const std::size_t textLength = nul ? static_cast<std::size_t>(nul - data) : size;
    const std::string_view text(reinterpret_cast<const char*>(data), textLength);
    FilterError error;
    const std::optional<DisplayFilter> filter = DisplayFilter::compile(text, error);
    if (!filter) {
        if (error.message.empty()) {
            std::fprintf(stderr, "a filter that does not compile has no message\n");
            std::abort();
        }
        (void)error.describe(text);
        return;
    }
    const std::vector<Frame> frames =
        nul ? framesOf(nul + 1, size - textLength - 1) : framesOf(nullptr, 0);

    // The CLI's single pass: state across frames, reassembly on, quick pass where it decides.
    {
        Dissector dissector;
        Dissection dissection;
        SequentialMatcher matcher(*filter, dissector, dissection, false);
        for (std::size_t n = 0; n < frames.size(); ++n) {
            const FrameRef frame = frameRefFor(frames[n].bytes, frames[n].linkType, frames[n].extraWireBytes, n);
            (void)matcher.matches(frame, n + 1);
        }
    }
    // The packet list: each frame alone; the quick verdict, where given, is the full one's.
    StoredPacketMatcher stored(*filter);
    Dissector alone(DissectorOptions{false});
    Dissection dissection;
    QuickPacket quick;
    for (std::size_t n = 0; n < frames.size(); ++n) {
        const FrameRef frame = frameRefFor(frames[n].bytes, frames[n].linkType, frames[n].extraWireBytes, n);
        const bool listed = stored.matches(frame, n + 1);
        alone.reset();
        alone.dissect(frame, n + 1, dissection);
        const bool full = filter->matches(dissection, frame.data);
        parseQuickPacket(frame, n + 1, quick);
        const FilterVerdict verdict = filter->matchesQuick(quick);
        if ((verdict != FilterVerdict::Unknown && (verdict == FilterVerdict::Pass) != full) || listed != full) {
            std::fprintf(stderr, "filter \"%.*s\" on frame %zu: quick pass says %s, packet list %d, dissection %d\n",
                         static_cast<int>(text.size()), text.data(), n + 1,
                         verdict == FilterVerdict::Unknown ? "unknown" : verdict == FilterVerdict::Pass ? "pass" : "fail",
                         listed, full);
            std::abort();
        }
    }
}

}  // namespace rcvmon::fuzz
