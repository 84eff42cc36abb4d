// SPDX-License-Identifier: GPL-2.0-or-later
#include "capture_spool.h"

#include "file/file_bytes.h"
#include "file/spool_files.h"
#include "file/spool_writer.h"
#include "store/capture_session.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace rcvmon {

namespace {
// Every block the spool writer writes is an Enhanced Packet Block: type, length, interface,
// two time stamp words, captured and original length, then the frame (pcapng 4.3).
constexpr std::uint32_t EpbFrameOffset = 28;
constexpr std::uint32_t EpbType = 6;
}  // namespace

std::unique_ptr<CaptureSpool> CaptureSpool::start(const std::string& directory, CaptureSession& session,
                                                  std::uint64_t diskBound, std::string& error)
{
    namespace fs = std::filesystem;
    static std::atomic<std::uint32_t> serial{1};
    std::error_code ec;
    fs::create_directories(fs::path(directory), ec);
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch());
    const std::string path =
        (fs::path(directory) / spoolFileName(currentProcessId(), now.count(), serial.fetch_add(1))).string();
    std::string why;
    std::unique_ptr<SpoolWriter> writer = SpoolWriter::create(path, session, diskBound, why);
    if (!writer) {
        error = "The capture cannot be spooled to the directory \"" + directory + "\": " + why
                + " Choose another spool directory in Edit > Preferences.";
        return nullptr;
    }
    std::unique_ptr<CaptureSpool> spool(new CaptureSpool);
    spool->m_path = path;
    spool->m_writer = std::move(writer);
    spool->m_writer->start();
    return spool;
}

std::unique_ptr<CaptureSpool> CaptureSpool::adopt(const std::string& path)
{
    std::unique_ptr<CaptureSpool> spool(new CaptureSpool);
    spool->m_path = path;
    return spool;
}

CaptureSpool::~CaptureSpool()
{
    abandon();
    m_writer.reset();  // closes the file
    m_map = MappedFile();
    m_previousMap = MappedFile();
    std::error_code ec;
    std::filesystem::remove(std::filesystem::path(m_path), ec);
}

std::unique_ptr<PacketStore> CaptureSpool::makeStore(const PacketStoreOptions& options)
{
    auto store = std::make_unique<PacketStore>(
        [this](std::uint64_t offset, FrameRef& out) { return readAt(offset, out); }, options);
    m_store = store.get();
    return store;
}

// The store's slow path: a frame outside the mapping it was given (normally none).
bool CaptureSpool::readAt(std::uint64_t offset, FrameRef& out)
{
    const ByteSpan file = m_map.bytes();
    if (offset > file.size() || file.size() - offset < EpbFrameOffset + 4) return false;
    const std::uint8_t* p = file.data() + offset;
    const std::uint32_t length = file_bytes::load32(p + 4, false);
    const std::uint32_t captured = file_bytes::load32(p + 20, false);
    if (file_bytes::load32(p, false) != EpbType || length > file.size() - offset
        || captured > length - EpbFrameOffset - 4)
        return false;
    out.data = ByteSpan(p + EpbFrameOffset, captured);
    return true;
}

void CaptureSpool::remap()
{
    MappedFile next;
    std::string ignored;
    if (!next.open(m_path, ignored)) return;  // the old mapping keeps serving what it covers
    m_previousMap = std::move(m_map);
    m_map = std::move(next);
    if (m_store) m_store->setMappedFrames(m_map.bytes(), EpbFrameOffset);
}

std::size_t CaptureSpool::drainInto(PacketStore& store, std::size_t maxRecords)
{
    if (!m_writer) return 0;
    const std::size_t count = m_writer->drain(
        [&store](const PacketRecord& r) {
            store.appendAt(r.location, r.frameWithoutBytes(), PacketTags{r.protocol, r.mode});
        },
        maxRecords);
    // Records are published after their bytes were flushed: the file now covers them.
    if (m_writer->committedBytes() > m_map.size()) remap();
    return count;
}

void CaptureSpool::finish(PacketStore& store)
{
    if (!m_writer) return;
    // The writer may be waiting for room in its queue: keep taking records until it ends.
    while (!m_writer->done()) {
        if (drainInto(store, SIZE_MAX) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    drainInto(store, SIZE_MAX);
}

void CaptureSpool::abandon()
{
    if (m_writer) m_writer->abandon();
}

bool CaptureSpool::drained() const
{
    return !m_writer || m_writer->done();
}

std::uint64_t CaptureSpool::diskUsed() const
{
    if (m_writer) return m_writer->committedBytes();
    std::error_code ec;
    const auto size = std::filesystem::file_size(std::filesystem::path(m_path), ec);
    return ec ? 0 : size;
}

std::uint64_t CaptureSpool::diskBound() const
{
    return m_writer ? m_writer->diskBound() : 0;
}

std::string CaptureSpool::error() const
{
    return m_writer ? m_writer->error() : std::string();
}

bool CaptureSpool::unsaved() const
{
    if (!m_writer) return !m_everSaved;
    return m_writer->packetsWritten() > m_savedPackets;
}

std::uint64_t CaptureSpool::packetsSpooled() const
{
    return m_writer ? m_writer->packetsWritten() : 0;
}

void CaptureSpool::markSaved(std::uint64_t packets)
{
    m_everSaved = true;
    m_savedPackets = packets;
}

}  // namespace rcvmon
