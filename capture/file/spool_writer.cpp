// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/spool_writer.h"

#include "store/capture_session.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace rcvmon {

namespace {

// 128 Ki records (5 MiB): at 500,000 packets/s a quarter of a second of the GUI's attention.
constexpr std::uint64_t kQueueRecords = 1u << 17;
constexpr std::size_t kBatchBytes = 16u << 20;  // of the ring held by one batch, so the producer keeps room
constexpr std::uint32_t kNone = UINT32_MAX;
constexpr std::uint32_t kMaxInterfaces = 4096;
constexpr std::uint64_t kMinFileBytes = 64u << 10;  // a ring file holds a few dozen packets at least

bool sessionFinished(const CaptureSession& session)
{
    const SessionState s = session.state();
    return s == SessionState::Stopped || s == SessionState::Ended || s == SessionState::Failed;
}

}  // namespace

SpoolWriter::SpoolWriter(PathMaker nextPath, CaptureSession& session, std::uint64_t diskBound)
    : m_nextPath(std::move(nextPath)), m_session(session), m_diskBound(diskBound)
{
    // A share of the bound each, so deleting the oldest keeps most of what the bound allows.
    if (diskBound) m_fileBytes = std::max<std::uint64_t>(diskBound / kRingFiles, kMinFileBytes);
}

std::unique_ptr<SpoolWriter> SpoolWriter::create(PathMaker nextPath, CaptureSession& session,
                                                 std::uint64_t diskBound, std::string& error)
{
    std::unique_ptr<SpoolWriter> spool(new SpoolWriter(std::move(nextPath), session, diskBound));
    if (!spool->openFile(error)) return nullptr;
    spool->m_firstPath = spool->m_path;
    spool->m_slots = std::make_unique<PacketRecord[]>(kQueueRecords);
    spool->m_mask = kQueueRecords - 1;
    return spool;
}

// Starts the next file of the ring at location m_base: section header, flushed, listed.
bool SpoolWriter::openFile(std::string& error)
{
    const std::string path = m_nextPath();
    std::unique_ptr<CaptureFileWriter> writer =
        CaptureFileWriter::create(path, FileFormat::PcapNg, error, OutputFile::Placement::InPlace);
    if (!writer || !writer->flush(error)) return false;
    // Frames go out straight from the ring: each batch is flushed before its entries are released.
    writer->borrowFrameBytes(true);
    m_writer = std::move(writer);
    m_path = path;
    m_filePackets = 0;
    m_fileInterface.assign(16, kNone);  // each file declares its own interfaces
    {
        std::lock_guard lock(m_segmentsMutex);
        m_segments.push_back(SpoolSegment{path, m_base, false});
    }
    m_committed.store(m_base + m_writer->size(), std::memory_order_release);
    m_segmentsVersion.fetch_add(1, std::memory_order_acq_rel);
    return true;
}

// The current file is full: flush and close it (its records are whole), open the next.
bool SpoolWriter::rotate()
{
    std::string error;
    if (!m_writer->flush(error)) {
        m_lost.fetch_add(m_staged, std::memory_order_relaxed);
        m_staged = 0;
        fail("Capture stopped: writing the spool file \"" + m_path + "\" failed: " + error);
        return false;
    }
    const std::uint64_t end = m_base + m_writer->size();
    m_committed.store(end, std::memory_order_release);
    const std::uint64_t previousBase = m_base;
    m_base = end;
    // openFile() replaces the writer only once the next file is there.
    if (!openFile(error)) {
        m_base = previousBase;
        fail("Capture stopped: the next spool file could not be created: " + error);
        return false;
    }
    return true;
}

// Marks the oldest file retired; its owner (the GUI) evicts its packets and deletes it.
void SpoolWriter::retireOldest()
{
    std::lock_guard lock(m_segmentsMutex);
    std::size_t first = 0;
    while (first < m_segments.size() && m_segments[first].retired) ++first;
    if (first + 1 >= m_segments.size()) return;  // never the file being written
    m_segments[first].retired = true;
    m_liveBase.store(m_segments[first + 1].base, std::memory_order_release);
    m_segmentsVersion.fetch_add(1, std::memory_order_acq_rel);
    // Deleted here, not at the owner's next drain, so the disk bound holds when the GUI is slow.
    // Its packets are evicted before anyone reads them again; POSIX mappings outlive the name.
    if (!m_keepRetired.load(std::memory_order_acquire)) {
        std::error_code ignored;
        std::filesystem::remove(std::filesystem::path(m_segments[first].path), ignored);
    }
}

std::vector<SpoolSegment> SpoolWriter::segments() const
{
    std::lock_guard lock(m_segmentsMutex);
    return m_segments;
}

void SpoolWriter::forgetRetired(std::uint64_t before)
{
    std::lock_guard lock(m_segmentsMutex);
    std::erase_if(m_segments, [before](const SpoolSegment& s) { return s.retired && s.base < before; });
}

SpoolWriter::~SpoolWriter()
{
    abandon();
}

void SpoolWriter::start()
{
    if (!m_thread.joinable()) m_thread = std::thread([this] { run(); });
}

void SpoolWriter::abandon()
{
    m_abandon.store(true, std::memory_order_release);
    if (m_thread.joinable()) m_thread.join();
}

std::string SpoolWriter::error() const
{
    std::lock_guard lock(m_errorMutex);
    return m_error;
}

void SpoolWriter::fail(const std::string& message)
{
    {
        std::lock_guard lock(m_errorMutex);
        if (m_error.empty()) m_error = message;
    }
    m_stopped.store(true, std::memory_order_release);
    m_session.requestStop();
}

void SpoolWriter::run()
{
#ifdef __linux__
    // Writing the spool is background work with a queue in front of it: when a core is short,
    // the window's thread, which has to answer the user within a frame, goes first (per-thread nice).
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
#endif
    std::string error;
    for (;;) {
        const std::uint64_t used = m_tail.load(std::memory_order_relaxed) - m_head.load(std::memory_order_acquire);
        const std::uint64_t room = m_mask + 1 - used;
        if (m_abandon.load(std::memory_order_acquire)) break;
        if (room == 0) {
            // The GUI drains every ingest tick; until then the ring holds the frames.
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            continue;
        }
        // Read before draining: a finished session published its last frames before saying so.
        const bool finished = sessionFinished(m_session);
        m_staged = 0;
        bool flushed = true;
        const std::size_t count = m_session.drainHeld(
            [this](const FrameRef& frame, const PacketTags& tags) { write(frame, tags); },
            [this, &flushed, &error] {
                flushed = m_writer->flush(error);
            },
            static_cast<std::size_t>(room), kBatchBytes);
        if (!flushed) {
            // OutputFile cut the file back to its last whole record: those frames are not in it.
            m_lost.fetch_add(m_staged, std::memory_order_relaxed);
            m_staged = 0;
            fail("Capture stopped: writing the spool file \"" + m_path + "\" failed: " + error);
        }
        if (m_staged) {
            m_committed.store(m_base + m_writer->size(), std::memory_order_release);
            m_packets.fetch_add(m_staged, std::memory_order_relaxed);
            m_tail.store(m_tail.load(std::memory_order_relaxed) + m_staged, std::memory_order_release);
        }
        if (count == 0) {
            if (finished) break;
            m_session.waitForFrames(std::chrono::milliseconds(100));
        }
    }
    std::string ignored;
    if (m_writer && m_writer->flush(ignored)) m_committed.store(m_base + m_writer->size(), std::memory_order_release);
    m_finished.store(true, std::memory_order_release);
}

void SpoolWriter::write(const FrameRef& frame, const PacketTags& tags)
{
    if (m_stopped.load(std::memory_order_relaxed)) {
        m_lost.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    if (m_fileBytes && m_filePackets != 0 && m_writer->size() >= m_fileBytes && !rotate()) {
        m_lost.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    std::string error;
    std::uint32_t index = 0;
    if (!fileInterface(frame, index)) return;
    const std::uint64_t offset = m_writer->size();
    if (!m_writer->write(frame, index, error)) {
        m_lost.fetch_add(1, std::memory_order_relaxed);
        fail("Capture stopped: a packet could not be spooled to \"" + m_path + "\": " + error);
        return;
    }
    PacketRecord& r = m_slots[(m_tail.load(std::memory_order_relaxed) + m_staged) & m_mask];
    r.location = m_base + offset;
    r.sec = frame.ts.sec;
    r.nsec = frame.ts.nsec;
    r.capturedLength = static_cast<std::uint32_t>(frame.data.size());
    r.originalLength = frame.originalLength;
    r.interfaceId = frame.interfaceId;
    r.linkType = static_cast<std::uint16_t>(frame.linkType);
    r.direction = frame.direction;
    r.protocol = tags.protocol;
    r.mode = tags.mode;
    r.frameFlags = frame.flags;
    r.marks = 0;
    r.reserved = 0;
    ++m_staged;
    ++m_filePackets;
    // Past the bound the oldest file goes (never the current one: a file is a share of it).
    while (m_diskBound && m_base + m_writer->size() - m_liveBase.load(std::memory_order_relaxed) > m_diskBound) {
        const std::uint64_t before = m_liveBase.load(std::memory_order_relaxed);
        retireOldest();
        if (m_liveBase.load(std::memory_order_relaxed) == before) break;
    }
}

// The spool file's interface for a frame's session interface id, declared on first use.
bool SpoolWriter::fileInterface(const FrameRef& frame, std::uint32_t& index)
{
    const std::uint32_t id = frame.interfaceId;
    if (id < m_fileInterface.size() && m_fileInterface[id] != kNone) {
        index = m_fileInterface[id];
        return true;
    }
    std::string error;
    if (id >= kMaxInterfaces) {
        m_lost.fetch_add(1, std::memory_order_relaxed);
        fail("Capture stopped: more than " + std::to_string(kMaxInterfaces) + " interfaces for one spool file.");
        return false;
    }
    // A new interface: rare (a switch), so the names' lock and copy are fine here.
    InterfaceInfo info;
    const std::vector<std::string> names = m_session.interfaces();
    if (id < names.size()) info.name = names[id];
    info.linkType = frame.linkType;
    info.snapLength = MaxCapturedLength;
    const std::optional<std::uint32_t> declared = m_writer->addInterface(info, error);
    if (!declared) {
        m_lost.fetch_add(1, std::memory_order_relaxed);
        fail("Capture stopped: the spool file \"" + m_path + "\" cannot take a new interface: " + error);
        return false;
    }
    if (id >= m_fileInterface.size()) m_fileInterface.resize(id + 1, kNone);
    index = m_fileInterface[id] = *declared;
    return true;
}

}  // namespace rcvmon
