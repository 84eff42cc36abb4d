// SPDX-License-Identifier: GPL-2.0-or-later
#include "capture_frames.h"

#include "file/capture_file_reader.h"

namespace rcvmon::testing {

bool loadFrames(const std::string& path, std::vector<LoadedFrame>& frames, std::string& error)
{
    frames.clear();
    auto reader = CaptureFileReader::open(path, error);
    if (!reader) return false;
    FrameRef frame;
    while (reader->next(frame)) {
        LoadedFrame f;
        f.bytes.assign(frame.data.begin(), frame.data.end());
        f.ref = frame;
        frames.push_back(std::move(f));
    }
    // The copies own the bytes; point each frame at its own copy once the vector stops moving.
    for (LoadedFrame& f : frames) f.ref.data = ByteSpan(f.bytes);
    error = reader->error();
    return error.empty();
}

}  // namespace rcvmon::testing
