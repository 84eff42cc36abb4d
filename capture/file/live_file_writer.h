// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/capture_file_writer.h"
#include "file/live_file_limits.h"
#include "file/ring_file_names.h"

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace rcvmon {

// A live capture written to disk as it arrives: one file, or a ring of files like dumpcap's
// -b (LiveFileLimits). Each file is written in place and is a whole capture from its first
// moment: the header and the interfaces' descriptions are flushed when it opens, then records
// go out whole at each flush(), so whatever ends the process every file reads back up to its
// last flush (OutputFile::Placement::InPlace). Owned by the capture's consumer thread.
class LiveFileWriter {
public:
    // Opens the first file. `interfaces` describes the frames' interfaceId 0, 1, ...; frames
    // from later ids are declared as they come.
    static std::unique_ptr<LiveFileWriter> open(const std::string& path, FileFormat format, const LiveFileLimits& limits,
                                                std::vector<InterfaceInfo> interfaces, std::string& error);

    // Writes a frame, into the next file if this one is full (-b filesize, -b packets: a file
    // turns over once it reaches the size or count, as dumpcap's do). Once stopReached(),
    // frames are not written: the caller stops taking them.
    bool write(const FrameRef& frame, std::string& error);
    // Moves on to the next file if this one's time is up (-b duration, -b interval). Called
    // between batches and while idle, so files turn over even when no packet arrives.
    bool checkTime(std::string& error);
    bool flush(std::string& error);
    // Flushes and closes the current file.
    bool close(std::string& error);
    // Interface statistics (by the frames' interfaceId) into the current file, as its last
    // blocks: call right before close(). Interfaces the file never declared are left out.
    bool writeStatistics(const std::vector<InterfaceStatistics>& byInterfaceId, std::string& error);

    // An autostop condition (-a filesize, -a files) was reached.
    bool stopReached() const { return m_stopReached; }
    // See CaptureFileWriter::borrowFrameBytes().
    void borrowFrameBytes(bool on);
    bool holdsBorrowedBytes() const { return m_writer && m_writer->holdsBorrowedBytes(); }
    std::uint32_t filesOpened() const { return m_filesOpened; }

private:
    LiveFileWriter(const std::string& path, FileFormat format, const LiveFileLimits& limits,
                   std::vector<InterfaceInfo> interfaces);
    bool openNextFile(std::string& error);
    bool finishFile(std::string& error);
    // The current file's interface for a frame's interfaceId, declared on first use.
    bool fileInterface(const FrameRef& frame, std::uint32_t& index, std::string& error);

    static constexpr std::uint32_t kNone = UINT32_MAX;
    std::string m_path;
    FileFormat m_format;
    LiveFileLimits m_limits;
    RingFileNames m_names;
    std::vector<InterfaceInfo> m_interfaces;      // by the frames' interfaceId
    std::vector<std::uint32_t> m_fileInterface;   // interfaceId -> the current file's index
    std::unique_ptr<CaptureFileWriter> m_writer;  // the current file; null once finished
    std::deque<std::string> m_ringFiles;          // with -b files:N, the files kept, oldest first
    bool m_borrowing = false;
    bool m_stopReached = false;
    bool m_full = false;  // the current file reached -b filesize or -b packets
    std::uint32_t m_filesOpened = 0;
    std::uint64_t m_filePackets = 0;
    std::chrono::steady_clock::time_point m_openedAt{};
    double m_nextBoundary = 0;  // -b interval: the wall-clock second the file ends at
};

}  // namespace rcvmon
