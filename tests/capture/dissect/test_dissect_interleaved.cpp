// SPDX-License-Identifier: GPL-2.0-or-later
// Several Dissectors on one thread (the window runs its in-order pass, the replays of its rows
// and the display filter side by side) keep apart the state application protocols hold in
// tables of their own: a Dissector fed a capture in order, while another keeps starting over
// on the same thread, gives every frame the text a Dissector alone gives it. SMB2 is the case
// that showed it (a Read names the file its Create opened, frames before).
#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "file/capture_file_reader.h"
#include "require.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace rcvmon {
namespace {

std::vector<std::vector<std::uint8_t>> readFrames(const std::string& path, std::vector<FrameRef>& refs)
{
    std::string error;
    auto reader = CaptureFileReader::open(path, error);
    std::vector<std::vector<std::uint8_t>> bytes;
    if (!reader) return bytes;
    FrameRef frame;
    while (reader->next(frame)) {
        bytes.emplace_back(frame.data.begin(), frame.data.end());
        refs.push_back(frame);
    }
    for (std::size_t i = 0; i < refs.size(); ++i) refs[i].data = ByteSpan(bytes[i]);
    return bytes;
}

TEST(DissectInterleaved, AnotherDissectorStartingOverLeavesSmb2StateAlone)
{
    const std::string path = std::string(RCVMON_CORPUS_DIR) + "/large/zeek__smb__smb2readwrite.pcap";
    RCVMON_REQUIRE(std::filesystem::exists(path), "the reference corpus's large/zeek__smb__smb2readwrite.pcap");
    std::vector<FrameRef> frames;
    const auto bytes = readFrames(path, frames);
    ASSERT_GT(frames.size(), 20u);

    std::vector<std::string> alone;
    {
        Dissector dissector;
        Dissection d;
        for (std::size_t i = 0; i < frames.size(); ++i) {
            dissector.dissect(frames[i], i + 1, d);
            alone.push_back(d.summary().info);
        }
    }
    bool namesFile = false;
    for (const std::string& info : alone) namesFile = namesFile || info.find("Read Request Len:16 Off:0 File: pythonfile") == 0;
    ASSERT_TRUE(namesFile) << "the capture's Read no longer names its file: pick another frame";

    Dissector inOrder, other;
    Dissection d, o;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        // The other one starts over from the first frames, as a row's replay does.
        other.reset();
        for (std::size_t j = 0; j <= i % 4 && j < frames.size(); ++j) other.dissect(frames[j], j + 1, o);
        inOrder.dissect(frames[i], i + 1, d);
        EXPECT_EQ(d.summary().info, alone[i]) << "frame " << i + 1;
    }
}

}  // namespace
}  // namespace rcvmon
