// SPDX-License-Identifier: GPL-2.0-or-later
#include "bench_command.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "dissect/quick_classify.h"
#include "file/capture_file_reader.h"
#include "store/packet_store.h"

#include <chrono>
#include <cstdio>

namespace rcvmon::cli {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

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
    PacketStore index([&reader](std::uint64_t offset, FrameRef& out) { return reader->readAt(offset, out); });
    FrameRef frame;
    std::uint64_t packets = 0;
    const auto indexStart = Clock::now();
    while (reader->next(frame)) {
        const PacketTags tags{classifyFrame(frame.linkType, frame.data), CaptureMode::Off};
        index.appendAt(reader->lastFrameOffset(), frame, tags);
        ++packets;
    }
    const double indexSeconds = secondsSince(indexStart);
    if (!reader->error().empty()) {
        std::fprintf(stderr, "rcvmon-cli: %s\n", reader->error().c_str());
        return 1;
    }

    // Pass 2: every packet fully dissected, in order, by random access through the index.
    Dissector dissector;
    Dissection dissection;
    std::uint64_t layers = 0;
    const auto dissectStart = Clock::now();
    for (std::uint64_t n = index.firstNumber(); n < index.endNumber(); ++n) {
        if (!index.readFrame(n, frame)) continue;
        dissector.dissect(frame, n, dissection);
        layers += dissection.layers().size();
    }
    const double dissectSeconds = secondsSince(dissectStart);

    const double perPacket = packets ? double(index.memoryUsed()) / double(packets) : 0.0;
    std::printf("packets=%llu index_seconds=%.3f index_pps=%.0f index_bytes_per_packet=%.1f "
                "dissect_seconds=%.3f dissect_pps=%.0f layers=%llu\n",
                static_cast<unsigned long long>(packets), indexSeconds,
                indexSeconds > 0 ? double(packets) / indexSeconds : 0.0, perPacket, dissectSeconds,
                dissectSeconds > 0 ? double(packets) / dissectSeconds : 0.0, static_cast<unsigned long long>(layers));
    return 0;
}

}  // namespace rcvmon::cli
