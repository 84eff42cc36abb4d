// SPDX-License-Identifier: GPL-2.0-or-later
// The window's spool: SpoolWriter drains a session's ring into a pcapng written in place and
// publishes each frame's index record; the file names say which process owns a spool file.
#include "fake_source.h"
#include "file/capture_file_reader.h"
#include "file/spool_files.h"
#include "file/spool_writer.h"
#include "frame_maker.h"
#include "store/capture_session.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace rcvmon;
using namespace rcvmon::test;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path()
                    / ("rcvmon-spool-test-" + std::to_string(currentProcessId()) + "-"
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

// Takes records until the writer is done (the session ended, every record drained).
std::vector<PacketRecord> drainAll(SpoolWriter& writer)
{
    std::vector<PacketRecord> records;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!writer.done() && std::chrono::steady_clock::now() < deadline) {
        if (writer.drain([&](const PacketRecord& r) { records.push_back(r); }, SIZE_MAX) == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    writer.drain([&](const PacketRecord& r) { records.push_back(r); }, SIZE_MAX);
    return records;
}

}  // namespace

TEST(SpoolWriter, EveryFrameIsInTheFileAtItsRecordsOffset)
{
    TempDir dir;
    Rig rig;
    const std::string path = (dir.path / "spool.pcapng").string();
    std::string error;
    std::unique_ptr<SpoolWriter> writer = SpoolWriter::create([path] { return path; }, *rig.session, 0, error);
    ASSERT_TRUE(writer) << error;
    // The file is a capture (header) before the first packet.
    EXPECT_GT(writer->committedBytes(), 0u);
    ASSERT_TRUE(rig.session->start());
    writer->start();
    constexpr std::uint64_t Frames = 3000;
    for (std::uint64_t seq = 0; seq < Frames; ++seq) {
        QueuedFrame q;
        fillPayload(q.bytes, seq, 14 + (seq * 37) % 1500);
        q.ts = Timestamp{1700000000 + static_cast<std::int64_t>(seq / 100), static_cast<std::uint32_t>(seq)};
        q.direction = seq % 2 ? Direction::Outgoing : Direction::Incoming;
        rig.wire->queue(std::move(q));
    }
    rig.wire->end();
    const std::vector<PacketRecord> records = drainAll(*writer);
    ASSERT_EQ(records.size(), Frames);
    EXPECT_EQ(writer->packetsWritten(), Frames);
    EXPECT_EQ(writer->framesLost(), 0u);
    EXPECT_TRUE(writer->error().empty());

    std::unique_ptr<CaptureFileReader> reader = CaptureFileReader::open(path, error);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(fs::file_size(path), writer->committedBytes());
    std::uint64_t read = 0;
    FrameRef frame;
    while (reader->next(frame)) {
        ASSERT_LT(read, Frames);
        const PacketRecord& r = records[read];
        EXPECT_EQ(reader->lastFrameOffset(), r.location);
        EXPECT_TRUE(payloadIntact(frame.data, read)) << "frame " << read;
        EXPECT_EQ(frame.ts.sec, r.sec);
        EXPECT_EQ(frame.ts.nsec, r.nsec);
        EXPECT_EQ(frame.direction, r.direction);
        EXPECT_EQ(frame.data.size(), r.capturedLength);
        ++read;
    }
    EXPECT_TRUE(reader->error().empty()) << reader->error();
    EXPECT_TRUE(reader->warning().empty()) << reader->warning();
    EXPECT_EQ(read, Frames);
    ASSERT_EQ(reader->interfaces().size(), 1u);
    EXPECT_EQ(reader->interfaces()[0].name, "fake0");
}

TEST(SpoolFiles, NamesSayWhichProcessOwnsThem)
{
    const std::string name = spoolFileName(4242, 1700000000, 3);
    EXPECT_EQ(name, "rcvmon-spool-4242-20231114-221320-3.pcapng");
    EXPECT_EQ(spoolFileOwner(name), std::optional<std::int64_t>(4242));
    EXPECT_EQ(spoolFileOwner("rcvmon-spool-.pcapng"), std::nullopt);
    EXPECT_EQ(spoolFileOwner("rcvmon-spool-12x-1.pcapng"), std::nullopt);
    EXPECT_EQ(spoolFileOwner("rcvmon-spool-12-1.pcap"), std::nullopt);
    EXPECT_EQ(spoolFileOwner("capture.pcapng"), std::nullopt);
    EXPECT_TRUE(processAlive(currentProcessId()));
    EXPECT_FALSE(processAlive(0));
}

TEST(SpoolFiles, OrphansAreTheFilesOfProcessesThatAreGone)
{
    TempDir dir;
    // Above Linux's largest pid (4194304) and Windows' usual ones: no such process.
    constexpr std::int64_t Gone = 2147483000;
    ASSERT_FALSE(processAlive(Gone));
    const auto touch = [&](const std::string& name) {
        std::ofstream(dir.path / name) << "x";
        return (dir.path / name).string();
    };
    touch(spoolFileName(currentProcessId(), 1700000000, 1));  // ours: alive
    const std::string orphan = touch(spoolFileName(Gone, 1700000000, 1));
    touch("notes.pcapng");
    fs::create_directories(dir.path / spoolFileName(Gone, 1700000000, 2));  // a directory, not a file

    const std::vector<OrphanedSpool> found = findOrphanedSpools(dir.path.string());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].path, orphan);
    EXPECT_EQ(found[0].pid, Gone);
    EXPECT_EQ(found[0].bytes, 1u);
    EXPECT_TRUE(findOrphanedSpools((dir.path / "missing").string()).empty());

    // Taken over: renamed to this process, so it is no longer an orphan.
    std::string error;
    const std::string adopted = adoptSpool(orphan, error);
    ASSERT_FALSE(adopted.empty()) << error;
    EXPECT_FALSE(fs::exists(orphan));
    EXPECT_EQ(spoolFileOwner(fs::path(adopted).filename().string()), std::optional<std::int64_t>(currentProcessId()));
    EXPECT_TRUE(findOrphanedSpools(dir.path.string()).empty());
    EXPECT_TRUE(adoptSpool(orphan, error).empty());
    EXPECT_NE(error.find(orphan), std::string::npos);
}
