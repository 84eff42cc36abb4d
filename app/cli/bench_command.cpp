// SPDX-License-Identifier: GPL-2.0-or-later
#include "bench_command.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "dissect/quick_classify.h"
#include "file/capture_file_reader.h"
#include "file/file_backed_store.h"
#include "store/packet_store.h"

#include "dissect/tcp_conversations.h"

#ifdef _WIN32
#include <windows.h>
#include <psapi.h>
#else
#include <sys/resource.h>
#endif

#include <chrono>
#include <cstdio>
#include <ctime>

namespace rcvmon::cli {
namespace {

// The process's peak resident memory in KiB (Windows: its peak working set).
long peakResidentKib()
{
#ifdef _WIN32
    PROCESS_MEMORY_COUNTERS counters{};
    if (!K32GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof counters)) return 0;
    return static_cast<long>(counters.PeakWorkingSetSize / 1024);
#else
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
#endif
}

// CPU seconds of this process: on a shared machine wall time also counts other programs'
// turns on the core, so "per core" rates divide by CPU time (std::clock is process CPU time).
class PassTimer {
public:
    PassTimer() : m_wall(std::chrono::steady_clock::now()), m_cpu(std::clock()) {}
    double wallSeconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_wall).count(); }
    double cpuSeconds() const { return double(std::clock() - m_cpu) / CLOCKS_PER_SEC; }

private:
    std::chrono::steady_clock::time_point m_wall;
    std::clock_t m_cpu;
};

double rate(std::uint64_t count, double seconds) { return seconds > 0 ? double(count) / seconds : 0.0; }

}  // namespace

int runBenchCommand(const CliOptions& options)
{
    std::string error;
    auto reader = CaptureFileReader::open(options.readFile, error);
    if (!reader) {
        std::fprintf(stderr, "rcvmon-cli: %s\n", error.c_str());
        return 1;
    }
    if (!reader->randomAccess()) {
        std::fprintf(stderr, "rcvmon-cli: --bench needs a file it can map, not a stream\n");
        return 1;
    }

    // Pass 1: what opening a file costs: the frames stay in the file, one record each in memory.
    const std::unique_ptr<PacketStore> store = makeFileBackedStore(*reader);
    reader->copySequentialReads();
    PacketStore& index = *store;
    FrameRef frame;
    std::uint64_t packets = 0;
    const PassTimer indexTimer;
    while (reader->next(frame)) {
        const PacketTags tags{classifyFrame(frame.linkType, frame.data), CaptureMode::Off};
        index.appendAt(reader->lastFrameOffset(), frame, tags);
        ++packets;
    }
    const double indexWall = indexTimer.wallSeconds();
    const double indexCpu = indexTimer.cpuSeconds();
    if (!reader->error().empty()) {
        std::fprintf(stderr, "rcvmon-cli: %s\n", reader->error().c_str());
        return 1;
    }
    if (!reader->warning().empty()) std::fprintf(stderr, "rcvmon-cli: warning: %s\n", reader->warning().c_str());

    // Pass 2: every packet fully dissected, in order, by random access through the index.
    Dissector dissector;
    Dissection dissection;
    std::uint64_t layers = 0;
    const PassTimer dissectTimer;
    for (std::uint64_t n = index.firstNumber(); n < index.endNumber(); ++n) {
        if (!index.readFrame(n, frame)) continue;
        dissector.dissect(frame, n, dissection);
        layers += dissection.layers().size();
    }
    const double dissectWall = dissectTimer.wallSeconds();
    const double dissectCpu = dissectTimer.cpuSeconds();

    const double perPacket = packets ? double(index.memoryUsed()) / double(packets) : 0.0;
    std::printf("packets=%llu index_wall_s=%.3f index_cpu_s=%.3f index_pps=%.0f index_bytes_per_packet=%.1f "
                "dissect_wall_s=%.3f dissect_cpu_s=%.3f dissect_pps=%.0f layers=%llu\n",
                static_cast<unsigned long long>(packets), indexWall, indexCpu, rate(packets, indexCpu), perPacket,
                dissectWall, dissectCpu, rate(packets, dissectCpu), static_cast<unsigned long long>(layers));
    // TCP reassembly's memory against its bounds (tcp_conversations.h), and the process's peak.
    const TcpConversations& tcp = dissector.tcpConversations();
    std::printf("tcp_table_bytes=%zu tcp_table_bound=%zu reassembly_peak_bytes=%zu reassembly_bound=%zu "
                "peak_rss_kb=%ld\n",
                tcp.memoryBytes(), TcpConversations::boundBytes(), tcp.peakKeptBytes(), TcpConversations::kMaxKeptBytes,
                peakResidentKib());
    return 0;
}

}  // namespace rcvmon::cli
