// SPDX-License-Identifier: GPL-2.0-or-later
#include "live_output.h"

namespace rcvmon::cli {
namespace {

using Clock = std::chrono::steady_clock;

LiveFileLimits limitsOf(const CliOptions& o)
{
    LiveFileLimits limits = o.fileLimits;
    const std::uint64_t stopBytes = o.stopKilobytes * 1000;  // dumpcap's kB
    if (stopBytes && limits.ring()) {
        // With a ring, dumpcap's -a filesize turns files over instead of stopping.
        if (!limits.fileBytes || stopBytes < limits.fileBytes) limits.fileBytes = stopBytes;
    } else {
        limits.stopBytes = stopBytes;
    }
    return limits;
}

}  // namespace

LiveOutput::LiveOutput(const CliOptions& options)
    : m_options(options),
      m_text(stdout),
      m_flushInterval(std::chrono::duration_cast<Clock::duration>(
          std::chrono::duration<double>(options.flushIntervalSeconds))),
      m_lastFlush(Clock::now())
{
}

bool LiveOutput::open(const std::vector<InterfaceInfo>& interfaces, std::string& error)
{
    if (!m_options.writeFile.empty()) {
        const FileFormat format = m_options.writeFormat == WriteFormat::Pcap ? FileFormat::Pcap : FileFormat::PcapNg;
        m_files = LiveFileWriter::open(m_options.writeFile, format, limitsOf(m_options), interfaces, error);
        // Frames are written from the ring, which holds them until endBatch().
        if (m_files) m_files->borrowFrameBytes(true);
        return m_files != nullptr;
    }
    m_printer = makePacketPrinter(m_options, m_text, error);
    if (m_printer) m_printer->begin();
    return m_printer != nullptr;
}

bool LiveOutput::take(const FrameRef& frame, std::string& error)
{
    if (stopReached()) return true;
    ++m_count;
    if (!m_files) {
        m_dissector.dissect(frame, m_count, m_dissection);
        m_printer->print(frame, m_count, m_dissection);
        return true;
    }
    if (!m_files->write(frame, error)) return false;
    return !m_options.flushEachPacket || flushFiles(error);
}

bool LiveOutput::flushFiles(std::string& error)
{
    m_lastFlush = Clock::now();
    return m_files->flush(error);
}

bool LiveOutput::endBatch(std::string& error)
{
    if (m_files) {
        // Borrowed bytes must go now; copied ones may wait for the interval, in fewer, larger writes.
        if (m_files->holdsBorrowedBytes() || Clock::now() - m_lastFlush >= m_flushInterval) return flushFiles(error);
        return true;
    }
    if (m_text.flush()) return true;
    error = "could not write to standard output";
    return false;
}

bool LiveOutput::tick(std::string& error)
{
    if (!m_files) return true;
    if (!m_files->checkTime(error)) return false;
    return Clock::now() - m_lastFlush < m_flushInterval || flushFiles(error);
}

bool LiveOutput::finish(const std::vector<InterfaceStatistics>& statistics, std::string& error)
{
    if (m_files && !m_files->writeStatistics(statistics, error)) return false;
    if (m_printer) m_printer->end();
    if (!m_text.flush()) {
        error = "could not write to standard output";
        return false;
    }
    return !m_files || m_files->close(error);
}

}  // namespace rcvmon::cli
