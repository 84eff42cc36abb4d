// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissector_fuzz_input.h"

#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "dissect/quick_classify.h"

#include <string>

namespace rcvmon::fuzz {

void runDissectorInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2) return;
    const std::uint32_t linkType = kFuzzLinkTypes[data[0] % std::size(kFuzzLinkTypes)];
    const bool reassemble = (data[1] & 1) != 0;
    const std::uint32_t extra = data[1] >> 1;
    Dissector dissector(Dissector::Options{reassemble});
    Dissection out;
    std::string text;
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
        // A copy of exactly the frame's bytes, so reading one past the end is caught.
        const std::vector<std::uint8_t> bytes(data + pos, data + pos + len);
        pos += len;
        FrameRef frame;
        frame.data = ByteSpan(bytes);
        frame.capturedLength = static_cast<std::uint32_t>(len);
        frame.originalLength = static_cast<std::uint32_t>(len + extra);
        frame.linkType = linkType;
        frame.ts = Timestamp{static_cast<std::int64_t>(n), static_cast<std::uint32_t>(len * 1000)};
        dissector.dissect(frame, n + 1, out);
        (void)classifyFrame(linkType, frame.data);
        for (FieldId id = 0; id < allFields().size(); ++id) {
            text.clear();
            out.appendFieldText(id, text);
        }
        for (const FieldRecord& f : out.fields()) text = out.formatValue(f);
        const PacketSummary s = out.summary();
        (void)s;
        (void)out.malformed();
        (void)out.truncated();
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
