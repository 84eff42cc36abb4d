// SPDX-License-Identifier: GPL-2.0-or-later
// The test frames (test_frames.h) a capture file holds, with the interface each came in on and
// its time: what the multi-interface and remote tests check order and interface ids against.
#pragma once

#include "file/capture_file_reader.h"
#include "test_frames.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rcvmon::test {

struct Seen {
    Kind kind;
    std::uint32_t sequence;
    std::uint32_t interfaceId;
    std::int64_t ns;
};

// The marked frames of a capture file (one still being written reads up to its last flush).
inline std::vector<Seen> markedFrames(const std::filesystem::path& path)
{
    std::vector<Seen> out;
    std::string error;
    auto reader = CaptureFileReader::open(path.string(), error);
    if (!reader) return out;
    FrameRef frame;
    while (reader->next(frame))
        if (const auto marker = findMarker(frame.data))
            out.push_back({marker->kind, marker->sequence, frame.interfaceId, frame.ts.totalNanoseconds()});
    return out;
}

}  // namespace rcvmon::test
