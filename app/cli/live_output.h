// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cli_options.h"
#include "output_buffer.h"
#include "packet_printer.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "file/live_file_writer.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rcvmon::cli {

// Where a live capture's frames go: the -w file (or ring of files), or printed lines.
// Written frames reach the file at the latest --flush-interval after they were taken; those
// borrowed from the capture's ring at the end of their batch, since the ring wants them back;
// with -U each one at once. Runs on the consumer thread, never on the capture thread.
class LiveOutput {
public:
    explicit LiveOutput(const CliOptions& options);

    // Opens the file with `interfaces` declared (the frames' interfaceId indexes them), or
    // the printer. The file is a readable, empty capture once this returns.
    bool open(const std::vector<InterfaceInfo>& interfaces, std::string& error);
    // Takes one frame, unless an autostop condition was reached.
    bool take(const FrameRef& frame, std::string& error);
    // After each drained batch, before its frames go back to the ring.
    bool endBatch(std::string& error);
    // Between batches and while idle: time-based file turns and flushes.
    bool tick(std::string& error);
    // Writes out and closes everything; a pcapng file ends with each interface's statistics.
    bool finish(const std::vector<InterfaceStatistics>& statistics, std::string& error);

    std::uint64_t count() const { return m_count; }
    // -a filesize or -a files was reached: the capture is over.
    bool stopReached() const { return m_files && m_files->stopReached(); }

private:
    bool flushFiles(std::string& error);

    const CliOptions& m_options;
    OutputBuffer m_text;
    std::unique_ptr<PacketPrinter> m_printer;
    std::unique_ptr<LiveFileWriter> m_files;
    Dissector m_dissector;
    Dissection m_dissection;
    std::uint64_t m_count = 0;
    std::chrono::steady_clock::duration m_flushInterval;
    std::chrono::steady_clock::time_point m_lastFlush;
};

}  // namespace rcvmon::cli
