// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/spool_writer.h"

#include "store/capture_session.h"

#include <chrono>

namespace rcvmon {

namespace {

// 128 Ki records (5 MiB): at 500,000 packets/s a quarter of a second of the GUI's attention.
constexpr std::uint64_t kQueueRecords = 1u << 17;
constexpr std::size_t kBatchBytes = 16u << 20;  // of the ring held by one batch, so the producer keeps room
constexpr std::uint32_t kNone = UINT32_MAX;
constexpr std::uint32_t kMaxInterfaces = 4096;

std::string sizeText(std::uint64_t bytes)
{
    if (bytes < (1u << 20)) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes >> 20) + " MiB";
}

bool sessionFinished(const CaptureSession& session)
{
    const SessionState s = session.state();
    return s == SessionState::Stopped || s == SessionState::Ended || s == SessionState::Failed;
}

}  // namespace

SpoolWriter::SpoolWriter(std::string path, CaptureSession& session, std::uint64_t diskBound)
    : m_path(std::move(path)), m_session(session), m_diskBound(diskBound)
{
}

std::unique_ptr<SpoolWriter> SpoolWriter::create(const std::string& path, CaptureSession& session,
                                                 std::uint64_t diskBound, std::string& error)
{
    std::unique_ptr<SpoolWriter> spool(new SpoolWriter(path, session, diskBound));
    spool->m_writer = CaptureFileWriter::create(path, FileFormat::PcapNg, error, OutputFile::Placement::InPlace);
    if (!spool->m_writer || !spool->m_writer->flush(error)) return nullptr;
    spool->m_committed.store(spool->m_writer->size(), std::memory_order_release);
    // Frames go out straight from the ring: each batch is flushed before its entries are released.
    spool->m_writer->borrowFrameBytes(true);
    spool->m_slots = std::make_unique<PacketRecord[]>(kQueueRecords);
    spool->m_mask = kQueueRecords - 1;
    spool->m_fileInterface.assign(16, kNone);
    return spool;
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
            m_committed.store(m_writer->size(), std::memory_order_release);
            m_packets.fetch_add(m_staged, std::memory_order_relaxed);
            m_tail.store(m_tail.load(std::memory_order_relaxed) + m_staged, std::memory_order_release);
        }
        if (count == 0) {
            if (finished) break;
            m_session.waitForFrames(std::chrono::milliseconds(100));
        }
    }
    std::string ignored;
    if (m_writer->flush(ignored)) m_committed.store(m_writer->size(), std::memory_order_release);
    m_finished.store(true, std::memory_order_release);
}

void SpoolWriter::write(const FrameRef& frame, const PacketTags& tags)
{
    if (m_stopped.load(std::memory_order_relaxed)) {
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
    r.location = offset;
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
    if (m_diskBound && m_writer->size() >= m_diskBound)
        fail("Capture stopped: the spool file reached the disk bound of " + sizeText(m_diskBound)
             + ". Save the capture, or raise the disk bound in Edit > Preferences, to capture longer.");
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
