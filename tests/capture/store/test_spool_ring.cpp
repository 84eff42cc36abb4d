// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 11 item 3, the disk bound: the spool is a ring of files, as dumpcap's -b. The capture
// keeps going at the bound; the oldest file is retired and, in a file-backed PacketStore, its
// packets are the only ones that leave. Real files, read back by RcvMon's reader.
#include "fake_source.h"
#include "file/capture_copy.h"
#include "file/capture_file_reader.h"
#include "file/spool_files.h"
#include "file/spool_writer.h"
#include "frame_maker.h"
#include "store/capture_session.h"
#include "store/packet_store.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

using namespace rcvmon;
using namespace rcvmon::test;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path()
                    / ("rcvmon-spool-ring-" + std::to_string(currentProcessId()) + "-"
                       + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    TempDir() { fs::create_directories(path); }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

struct Rig {
    std::shared_ptr<FakeWire> wire = std::make_shared<FakeWire>();
    std::unique_ptr<CaptureSession> session =
        std::make_unique<CaptureSession>(std::make_unique<FakeSource>("fake0", CaptureMode::IpLevel, wire));
};

void queueFrames(FakeWire& wire, std::uint64_t from, std::uint64_t count, std::size_t length)
{
    for (std::uint64_t seq = from; seq < from + count; ++seq) {
        QueuedFrame q;
        fillPayload(q.bytes, seq, length);
        q.ts = Timestamp{1'700'000'000 + static_cast<std::int64_t>(seq / 1000), static_cast<std::uint32_t>(seq)};
        wire.queue(std::move(q));
    }
}

std::uint64_t fileBytes(const std::vector<std::string>& paths)
{
    std::uint64_t total = 0;
    for (const std::string& p : paths) total += fs::file_size(p);
    return total;
}

}  // namespace

TEST(SpoolRing, KeepsCapturingAndRetiresTheOldestFileAtTheDiskBound)
{
    TempDir dir;
    Rig rig;
    constexpr std::uint64_t Bound = 1u << 20;
    constexpr std::uint64_t Frames = 6000;  // about 6 MB: six times the bound
    int serial = 0;
    std::string error;
    std::unique_ptr<SpoolWriter> writer = SpoolWriter::create(
        [&] { return (dir.path / ("ring-" + std::to_string(serial++) + ".pcapng")).string(); }, *rig.session, Bound,
        error);
    ASSERT_TRUE(writer) << error;
    EXPECT_EQ(writer->fileBytes(), Bound / SpoolWriter::kRingFiles);
    ASSERT_TRUE(rig.session->start());
    writer->start();
    queueFrames(*rig.wire, 0, Frames, 1000);

    // The GUI's side: a file-backed store; packets of retired files leave it from the front.
    PacketStore store([](std::uint64_t, FrameRef&) { return false; });
    std::uint64_t maxLiveBytes = 0;
    const auto drainOnce = [&] {
        const std::size_t n = writer->drain(
            [&](const PacketRecord& r) { store.appendAt(r.location, r.frameWithoutBytes()); }, SIZE_MAX);
        std::uint64_t first = store.firstNumber();
        while (first < store.endNumber() && store.record(first).location < writer->liveBase()) ++first;
        store.evictBefore(first);
        maxLiveBytes = std::max(maxLiveBytes, writer->committedBytes());
        return n;
    };
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (rig.session->counters().received < Frames && std::chrono::steady_clock::now() < deadline) {
        if (drainOnce() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    // Past six times the bound the capture still runs: the bound rotates, it does not stop.
    EXPECT_EQ(rig.session->state(), SessionState::Running);
    EXPECT_TRUE(writer->error().empty()) << writer->error();
    rig.wire->end();
    while (!writer->done() && std::chrono::steady_clock::now() < deadline) {
        if (drainOnce() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    drainOnce();
    ASSERT_TRUE(writer->done());
    EXPECT_EQ(writer->packetsWritten(), Frames);
    EXPECT_EQ(writer->framesLost(), 0u);
    // Never more than the bound in the live files (each file is an eighth of it).
    EXPECT_LE(maxLiveBytes, Bound);
    EXPECT_GT(writer->committedBytes(), Bound - 2 * writer->fileBytes());

    std::vector<std::string> live;
    std::size_t retired = 0;
    for (const SpoolSegment& s : writer->segments()) {
        if (s.retired) ++retired;
        else live.push_back(s.path);
    }
    EXPECT_GE(retired, 30u);
    EXPECT_GE(live.size(), SpoolWriter::kRingFiles - 1);
    EXPECT_LE(live.size(), SpoolWriter::kRingFiles);
    EXPECT_EQ(fileBytes(live), writer->committedBytes());

    // The store's packets are exactly those of the live files, in order, the newest last; every
    // packet before them was counted as evicted, none silently.
    EXPECT_EQ(store.evictedCount() + store.size(), Frames);
    EXPECT_EQ(store.endNumber(), Frames + 1);
    std::uint64_t number = store.firstNumber();
    std::uint64_t base = 0;
    for (const SpoolSegment& s : writer->segments()) {
        if (s.retired) continue;
        std::unique_ptr<CaptureFileReader> reader = CaptureFileReader::open(s.path, error);
        ASSERT_TRUE(reader) << error;
        ASSERT_GE(s.base, base);
        base = s.base;
        FrameRef frame;
        while (reader->next(frame)) {
            ASSERT_LT(number, store.endNumber());
            EXPECT_EQ(store.record(number).location, s.base + reader->lastFrameOffset());
            EXPECT_TRUE(payloadIntact(frame.data, number - 1)) << "packet " << number;
            ++number;
        }
        EXPECT_TRUE(reader->error().empty()) << reader->error();
        ASSERT_EQ(reader->interfaces().size(), 1u);  // every file declares its interface
        EXPECT_EQ(reader->interfaces()[0].name, "fake0");
    }
    EXPECT_EQ(number, store.endNumber());

    // Saving the ring writes the retained packets as one capture with one interface.
    const std::string saved = (dir.path / "saved.pcapng").string();
    std::uint64_t copied = 0;
    ASSERT_TRUE(copyCaptures(live, saved, FileFormat::PcapNg, copied, error)) << error;
    EXPECT_EQ(copied, store.size());
    std::unique_ptr<CaptureFileReader> reader = CaptureFileReader::open(saved, error);
    ASSERT_TRUE(reader) << error;
    std::uint64_t read = 0;
    FrameRef frame;
    while (reader->next(frame)) {
        EXPECT_TRUE(payloadIntact(frame.data, store.firstNumber() - 1 + read)) << read;
        ++read;
    }
    EXPECT_EQ(read, store.size());
    EXPECT_EQ(reader->interfaces().size(), 1u);
}

TEST(SpoolRing, WithoutABoundThereIsOneFile)
{
    TempDir dir;
    Rig rig;
    std::string error;
    const std::string path = (dir.path / "one.pcapng").string();
    std::unique_ptr<SpoolWriter> writer = SpoolWriter::create([path] { return path; }, *rig.session, 0, error);
    ASSERT_TRUE(writer) << error;
    EXPECT_EQ(writer->fileBytes(), 0u);
    ASSERT_TRUE(rig.session->start());
    writer->start();
    queueFrames(*rig.wire, 0, 3000, 1000);
    rig.wire->end();
    std::uint64_t records = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!writer->done() && std::chrono::steady_clock::now() < deadline) {
        if (writer->drain([&](const PacketRecord&) { ++records; }, SIZE_MAX) == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    writer->drain([&](const PacketRecord&) { ++records; }, SIZE_MAX);
    EXPECT_EQ(records, 3000u);
    ASSERT_EQ(writer->segments().size(), 1u);
    EXPECT_EQ(writer->liveBase(), 0u);
    EXPECT_EQ(fs::file_size(path), writer->committedBytes());
}

// The index: one 40-byte record per packet, in blocks; a file-backed store of a million
// packets holds under 48 B each, whatever its memory bound.
TEST(SpoolRing, TheIndexIsAtMost48BytesAPacket)
{
    PacketStoreOptions options;
    options.memoryBound = 1u << 30;
    options.policy = BoundPolicy::StopAtBound;
    PacketStore store([](std::uint64_t, FrameRef&) { return false; }, options);
    FrameRef frame;
    frame.capturedLength = frame.originalLength = 1500;
    constexpr std::uint64_t Packets = 1'000'000;
    for (std::uint64_t i = 0; i < Packets; ++i) ASSERT_TRUE(store.appendAt(i * 1532, frame));
    EXPECT_EQ(sizeof(PacketRecord), 40u);
    EXPECT_LE(store.memoryUsed(), Packets * 48);
    EXPECT_EQ(store.evictedCount(), 0u);
    // evictBefore() takes the oldest only, and counts them.
    store.evictBefore(1001);
    EXPECT_EQ(store.firstNumber(), 1001u);
    EXPECT_EQ(store.evictedCount(), 1000u);
    EXPECT_EQ(store.record(1001).location, 1000u * 1532);
}

// At the memory bound a live (file-backed, StopAtBound) store refuses and says so; it never
// drops its oldest packets.
TEST(SpoolRing, TheMemoryBoundStopsInsteadOfEvicting)
{
    PacketStoreOptions options;
    options.memoryBound = 1u << 20;
    options.policy = BoundPolicy::StopAtBound;
    PacketStore store([](std::uint64_t, FrameRef&) { return false; }, options);
    FrameRef frame;
    std::uint64_t accepted = 0;
    for (std::uint64_t i = 0; i < 100'000; ++i) accepted += store.appendAt(i * 100, frame) ? 1 : 0;
    EXPECT_TRUE(store.stopped());
    EXPECT_EQ(store.evictedCount(), 0u);
    EXPECT_EQ(store.firstNumber(), 1u);
    EXPECT_EQ(store.size(), accepted);
    EXPECT_EQ(store.refusedCount(), 100'000u - accepted);
    EXPECT_GT(accepted, 20'000u);
    EXPECT_FALSE(store.stopMessage().empty());
}
