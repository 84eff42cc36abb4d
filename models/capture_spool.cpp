// SPDX-License-Identifier: GPL-2.0-or-later
#include "capture_spool.h"

#include "file/file_bytes.h"
#include "file/spool_files.h"
#include "file/spool_writer.h"
#include "store/capture_session.h"

#include <algorithm>
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
    // Every file of the ring is a readable capture of its own, named as a part of this capture
    // (its start and serial), so after a kill the next start recovers the parts as one.
    const auto started = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch());
    auto nextPath = [directory, started, capture = serial.fetch_add(1), part = std::uint32_t{0}]() mutable {
        return (fs::path(directory) / spoolFileName(currentProcessId(), started.count(), capture, ++part)).string();
    };
    std::string why;
    std::unique_ptr<SpoolWriter> writer = SpoolWriter::create(nextPath, session, diskBound, why);
    if (!writer) {
        error = "The capture cannot be spooled to the directory \"" + directory + "\": " + why
                + " Choose another spool directory in Edit > Preferences.";
        return nullptr;
    }
    std::unique_ptr<CaptureSpool> spool(new CaptureSpool);
    spool->m_path = writer->path();
    spool->m_writer = std::move(writer);
    spool->followSegments();
    spool->m_writer->start();
    return spool;
}

std::unique_ptr<CaptureSpool> CaptureSpool::adopt(const std::string& path)
{
    std::unique_ptr<CaptureSpool> spool(new CaptureSpool);
    spool->m_path = path;
    spool->m_files.push_back(File{path, 0, MappedFile()});
    return spool;
}

CaptureSpool::~CaptureSpool()
{
    abandon();
    std::vector<std::string> paths = std::move(m_retiredPaths);
    if (m_writer) {
        for (const SpoolSegment& segment : m_writer->segments()) paths.push_back(segment.path);
    } else {
        for (const File& file : m_files) paths.push_back(file.path);
    }
    m_writer.reset();  // closes the file
    m_files.clear();
    m_previousMaps.clear();
    std::error_code ec;
    for (const std::string& path : paths) std::filesystem::remove(std::filesystem::path(path), ec);
}

std::unique_ptr<PacketStore> CaptureSpool::makeStore(const PacketStoreOptions& options)
{
    auto store = std::make_unique<PacketStore>(
        [this](std::uint64_t offset, FrameRef& out) { return readAt(offset, out); }, options);
    m_store = store.get();
    return store;
}

// The store's slow path: a frame outside the mapping it was given (an older file of the ring).
bool CaptureSpool::readAt(std::uint64_t offset, FrameRef& out)
{
    auto file = std::upper_bound(m_files.begin(), m_files.end(), offset,
                                 [](std::uint64_t at, const File& f) { return at < f.base; });
    if (file == m_files.begin()) return false;
    --file;
    const ByteSpan bytes = file->map.bytes();
    const std::uint64_t at = offset - file->base;
    if (at > bytes.size() || bytes.size() - at < EpbFrameOffset + 4) return false;
    const std::uint8_t* p = bytes.data() + at;
    const std::uint32_t length = file_bytes::load32(p + 4, false);
    const std::uint32_t captured = file_bytes::load32(p + 20, false);
    if (file_bytes::load32(p, false) != EpbType || length > bytes.size() - at || length < EpbFrameOffset + 4
        || captured > length - EpbFrameOffset - 4)
        return false;
    out.data = ByteSpan(p + EpbFrameOffset, captured);
    return true;
}

// New files of the ring are listed; retired ones are dropped (deleted after one more round).
void CaptureSpool::followSegments()
{
    const std::uint64_t version = m_writer->segmentsVersion();
    if (version == m_segmentsSeen) return;
    m_segmentsSeen = version;
    std::uint64_t retiredBefore = 0;
    for (const SpoolSegment& segment : m_writer->segments()) {
        auto known = std::find_if(m_files.begin(), m_files.end(), [&](const File& f) { return f.base == segment.base; });
        if (segment.retired) {
            retiredBefore = segment.base + 1;
            if (known != m_files.end()) {
                m_previousMaps.push_back(std::move(known->map));
                m_files.erase(known);
            }
            m_retiredPaths.push_back(segment.path);
        } else if (known == m_files.end()) {
            m_files.push_back(File{segment.path, segment.base, MappedFile()});
        }
    }
    if (retiredBefore) m_writer->forgetRetired(retiredBefore);
}

// Packets of retired files are the oldest: they leave the store from the front. Locations
// grow with frame numbers, so the first one kept is found by bisection: a retired file holds
// millions of frames, and walking them all would stall the window.
void CaptureSpool::evictRetired(PacketStore& store)
{
    const std::uint64_t live = m_writer->liveBase();
    std::uint64_t low = store.firstNumber();
    std::uint64_t high = store.endNumber();
    if (low == high || store.record(low).location >= live) return;
    while (low < high) {
        const std::uint64_t mid = low + (high - low) / 2;
        if (store.record(mid).location < live) low = mid + 1;
        else high = mid;
    }
    store.evictBefore(low);
}

void CaptureSpool::holdDeletions(bool hold)
{
    m_holdDeletions = hold;
    if (m_writer) m_writer->keepRetiredFiles(hold);
}

void CaptureSpool::deleteRetiredFiles()
{
    if (m_holdDeletions) return;
    std::vector<std::string> kept;
    for (const std::string& path : m_retiredPaths) {
        std::error_code ec;
        std::filesystem::remove(std::filesystem::path(path), ec);
        // Windows refuses while someone (a save, a viewer) has it open: try again next time.
        if (ec && std::filesystem::exists(std::filesystem::path(path), ec)) kept.push_back(path);
    }
    m_retiredPaths = std::move(kept);
}

// Maps each file again where it grew past its mapping; the newest one serves the store's fast path.
void CaptureSpool::remap()
{
    const std::uint64_t committed = m_writer ? m_writer->committedEnd() : UINT64_MAX;
    for (std::size_t i = 0; i < m_files.size(); ++i) {
        File& file = m_files[i];
        const std::uint64_t end = i + 1 < m_files.size() ? m_files[i + 1].base : committed;
        if (file.map.size() && file.base + file.map.size() >= end) continue;
        MappedFile next;
        std::string ignored;
        if (!next.open(file.path, ignored)) continue;  // the old mapping keeps serving what it covers
        if (next.size() <= file.map.size()) continue;
        m_previousMaps.push_back(std::move(file.map));
        file.map = std::move(next);
    }
    if (m_store && !m_files.empty())
        m_store->setMappedFrames(m_files.back().map.bytes(), EpbFrameOffset, m_files.back().base);
}

std::size_t CaptureSpool::drainInto(PacketStore& store, std::size_t maxRecords)
{
    if (!m_writer) return 0;
    // Frames handed out before the previous drain are no longer in use (the store's contract).
    m_previousMaps.clear();
    deleteRetiredFiles();
    const std::size_t count = m_writer->drain(
        [&store](const PacketRecord& r) {
            store.appendAt(r.location, r.frameWithoutBytes(), PacketTags{r.protocol, r.mode});
        },
        maxRecords);
    // Records are published after their bytes were flushed and after their file was listed.
    followSegments();
    evictRetired(store);
    remap();
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

std::vector<std::string> CaptureSpool::livePaths() const
{
    std::vector<std::string> paths;
    if (m_writer) {
        for (const SpoolSegment& segment : m_writer->segments())
            if (!segment.retired) paths.push_back(segment.path);
    } else {
        for (const File& file : m_files) paths.push_back(file.path);
    }
    return paths;
}

std::vector<std::string> CaptureSpool::livePaths(const PacketStore& store, std::uint64_t& firstNumber) const
{
    firstNumber = store.firstNumber();
    if (!m_writer) return livePaths();
    std::vector<std::string> paths;
    std::uint64_t base = 0;
    for (const SpoolSegment& segment : m_writer->segments()) {  // one snapshot for both answers
        if (segment.retired) continue;
        if (paths.empty()) base = segment.base;
        paths.push_back(segment.path);
    }
    // Locations grow with frame numbers: bisection, as evictRetired().
    std::uint64_t low = store.firstNumber();
    std::uint64_t high = store.endNumber();
    while (low < high) {
        const std::uint64_t mid = low + (high - low) / 2;
        if (store.record(mid).location < base) low = mid + 1;
        else high = mid;
    }
    firstNumber = low;
    return paths;
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
