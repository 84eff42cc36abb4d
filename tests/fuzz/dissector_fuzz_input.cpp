// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissector_fuzz_input.h"

#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "dissect/quick_classify.h"

#include <string>

namespace rcvmon::fuzz {

bool decodeInput(const std::uint8_t* data, std::size_t size, FuzzFrames& out)
{
    out.frames.clear();
    if (size < 2) return false;
    out.linkType = kFuzzLinkTypes[data[0] % std::size(kFuzzLinkTypes)];
    out.reassemble = (data[1] & 1) != 0;
    out.extraWireBytes = data[1] >> 1;
    std::size_t pos = 2;
    for (std::size_t n = 0; n < kMaxFrames && pos < size; ++n) {
        std::size_t len = 0;
        if (pos + 2 <= size) {
            len = (std::size_t{data[pos]} << 8) | data[pos + 1];
            pos += 2;
        } else {
            pos = size;
        }
        if (len > size - pos) len = size - pos;
        out.frames.emplace_back(data + pos, data + pos + len);
        pos += len;
    }
    return true;
}

FrameRef frameRefFor(const std::vector<std::uint8_t>& bytes, std::uint32_t linkType, std::uint32_t extraWireBytes,
                     std::size_t n)
{
    FrameRef frame;
    frame.data = ByteSpan(bytes);
    frame.capturedLength = static_cast<std::uint32_t>(bytes.size());
    frame.originalLength = static_cast<std::uint32_t>(bytes.size() + extraWireBytes);
    frame.linkType = linkType;
    frame.ts = Timestamp{static_cast<std::int64_t>(n), static_cast<std::uint32_t>(bytes.size() * 1000)};
    return frame;
}

void formatEverything(const Dissection& out, bool absentFieldsToo)
{
    std::string text;
    if (absentFieldsToo) {
        for (FieldId id = 0; id < allFields().size(); ++id) {
            text.clear();
            out.appendFieldText(id, text);
        }
    } else {
        for (const FieldRecord& f : out.fields()) {
            text.clear();
            out.appendFieldText(f.id, text);
        }
    }
    for (const FieldRecord& f : out.fields()) text = out.formatValue(f);
    const PacketSummary s = out.summary();
    (void)s;
    (void)out.malformed();
    (void)out.truncated();
}

void runDissectorInput(const std::uint8_t* data, std::size_t size)
{
    FuzzFrames input;
    if (!decodeInput(data, size, input)) return;
    Dissector dissector(Dissector::Options{input.reassemble});
    Dissection out;
    for (std::size_t n = 0; n < input.frames.size(); ++n) {
        // A copy freed after this frame: state kept across frames must not point into it
        // (a live capture recycles the ring slot).
        const std::vector<std::uint8_t> bytes = input.frames[n];
        const FrameRef frame = frameRefFor(bytes, input.linkType, input.extraWireBytes, n);
        dissector.dissect(frame, n + 1, out);
        (void)classifyFrame(input.linkType, frame.data);
        formatEverything(out, true);
    }
}

std::vector<std::uint8_t> encodeInput(std::uint8_t linkSelector, bool reassemble,
                                      const std::vector<std::vector<std::uint8_t>>& frames)
{
    std::vector<std::uint8_t> out{linkSelector, static_cast<std::uint8_t>(reassemble ? 1 : 0)};
    for (const auto& f : frames) {
        const std::size_t len = f.size() > 0xffff ? 0xffff : f.size();
        out.push_back(static_cast<std::uint8_t>(len >> 8));
        out.push_back(static_cast<std::uint8_t>(len));
        out.insert(out.end(), f.begin(), f.begin() + static_cast<std::ptrdiff_t>(len));
    }
    return out;
}

}  // namespace rcvmon::fuzz
