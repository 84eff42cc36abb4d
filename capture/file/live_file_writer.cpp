// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/live_file_writer.h"

#include <cmath>
#include <cstdio>
#include <utility>

namespace rcvmon {

namespace {

double wallSeconds(std::chrono::system_clock::time_point t)
{
    return std::chrono::duration<double>(t.time_since_epoch()).count();
}

}  // namespace

LiveFileWriter::LiveFileWriter(const std::string& path, FileFormat format, const LiveFileLimits& limits,
                               std::vector<InterfaceInfo> interfaces)
    : m_path(path), m_format(format), m_limits(limits), m_names(path), m_interfaces(std::move(interfaces))
{
}

std::unique_ptr<LiveFileWriter> LiveFileWriter::open(const std::string& path, FileFormat format,
                                                     const LiveFileLimits& limits, std::vector<InterfaceInfo> interfaces,
                                                     std::string& error)
{
    std::unique_ptr<LiveFileWriter> files(new LiveFileWriter(path, format, limits, std::move(interfaces)));
    if (!files->openNextFile(error)) return nullptr;
    return files;
}

void LiveFileWriter::borrowFrameBytes(bool on)
{
    m_borrowing = on;
    if (m_writer) m_writer->borrowFrameBytes(on);
}

bool LiveFileWriter::openNextFile(std::string& error)
{
    const auto now = std::chrono::system_clock::now();
    std::string path = m_path;
    if (m_limits.ring()) {
        path = m_names.name(m_filesOpened + 1, std::chrono::system_clock::to_time_t(now));
        // -b files:N: the oldest goes before the next one comes, so the ring never holds more than N.
        if (m_limits.keepFiles && m_ringFiles.size() >= m_limits.keepFiles) {
            std::remove(m_ringFiles.front().c_str());
            m_ringFiles.pop_front();
        }
        if (m_limits.keepFiles) m_ringFiles.push_back(path);
    }
    m_writer = CaptureFileWriter::create(path, m_format, error, OutputFile::Placement::InPlace);
    if (!m_writer) return false;
    ++m_filesOpened;
    m_writer->borrowFrameBytes(m_borrowing);
    m_fileInterface.assign(m_interfaces.size(), kNone);
    for (std::uint32_t id = 0; id < m_interfaces.size(); ++id) {
        const auto index = m_writer->addInterface(m_interfaces[id], error);
        if (!index) return false;
        m_fileInterface[id] = *index;
    }
    m_filePackets = 0;
    m_full = false;
    m_openedAt = std::chrono::steady_clock::now();
    if (m_limits.intervalSeconds > 0)
        m_nextBoundary = (std::floor(wallSeconds(now) / m_limits.intervalSeconds) + 1) * m_limits.intervalSeconds;
    // The header and interfaces reach the disk now: the file is a readable capture from here on.
    return m_writer->flush(error);
}

bool LiveFileWriter::finishFile(std::string& error)
{
    const bool closed = m_writer->commit(error);
    m_writer.reset();
    if (!closed) return false;
    if (m_limits.stopFiles && m_filesOpened >= m_limits.stopFiles) {
        m_stopReached = true;
        return true;
    }
    return openNextFile(error);
}

bool LiveFileWriter::fileInterface(const FrameRef& frame, std::uint32_t& index, std::string& error)
{
    const std::uint32_t id = frame.interfaceId;
    if (id < m_fileInterface.size() && m_fileInterface[id] != kNone) {
        index = m_fileInterface[id];
        return true;
    }
    // An interface the capture did not know at the start: described by its frames' link type.
    if (id >= m_interfaces.size()) m_interfaces.resize(id + 1);
    if (m_interfaces[id].linkType == 0) m_interfaces[id].linkType = frame.linkType;
    if (id >= m_fileInterface.size()) m_fileInterface.resize(id + 1, kNone);
    const auto declared = m_writer->addInterface(m_interfaces[id], error);
    if (!declared) return false;
    index = m_fileInterface[id] = *declared;
    return true;
}

bool LiveFileWriter::write(const FrameRef& frame, std::string& error)
{
    if (m_stopReached || !m_writer) return true;
    // The next file opens when a packet needs it: a capture that ends on a full file leaves no empty one.
    if (m_full && !finishFile(error)) return false;
    std::uint32_t index = 0;
    if (!fileInterface(frame, index, error) || !m_writer->write(frame, index, error)) return false;
    ++m_filePackets;
    const std::uint64_t size = m_writer->size();
    if (!m_limits.ring()) {
        if (m_limits.stopBytes && size >= m_limits.stopBytes) m_stopReached = true;
        return true;
    }
    m_full = (m_limits.fileBytes && size >= m_limits.fileBytes)
             || (m_limits.filePackets && m_filePackets >= m_limits.filePackets);
    // -a files:N ends the capture as the last file fills, not when the next packet comes.
    if (m_full && m_limits.stopFiles && m_filesOpened >= m_limits.stopFiles) return finishFile(error);
    return true;
}

bool LiveFileWriter::checkTime(std::string& error)
{
    if (!m_writer || !m_limits.ring()) return true;
    const bool durationUp =
        m_limits.fileSeconds > 0
        && std::chrono::steady_clock::now() - m_openedAt >= std::chrono::duration<double>(m_limits.fileSeconds);
    const bool intervalUp =
        m_limits.intervalSeconds > 0 && wallSeconds(std::chrono::system_clock::now()) >= m_nextBoundary;
    return !(durationUp || intervalUp) || finishFile(error);
}

bool LiveFileWriter::flush(std::string& error) { return !m_writer || m_writer->flush(error); }

bool LiveFileWriter::writeStatistics(const std::vector<InterfaceStatistics>& byInterfaceId, std::string& error)
{
    if (!m_writer) return true;
    for (std::uint32_t id = 0; id < byInterfaceId.size() && id < m_fileInterface.size(); ++id)
        if (m_fileInterface[id] != kNone && !m_writer->writeStatistics(m_fileInterface[id], byInterfaceId[id], error))
            return false;
    return true;
}

bool LiveFileWriter::close(std::string& error)
{
    if (!m_writer) return true;
    const bool closed = m_writer->commit(error);
    m_writer.reset();
    return closed;
}

}  // namespace rcvmon
