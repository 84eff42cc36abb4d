// SPDX-License-Identifier: GPL-2.0-or-later
// Applies a display filter to every packet of a capture already loaded the way the GUI
// loads a file: a file-backed PacketStore (one index record per packet, frame bytes left in
// the mapped file). Times only the filter pass (filterStoredPackets) — what re-filtering the packet list costs —
// RUNS times, and prints the median. Usage: filter_bench FILE FILTER [RUNS=5]
#include "dissect/quick_classify.h"
#include "file/capture_file_reader.h"
#include "file/file_backed_store.h"
#include "filter/display_filter.h"
#include "filter/packet_matcher.h"
#include "filter/store_filter.h"
#include "store/packet_store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

using namespace rcvmon;

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: filter_bench FILE FILTER [RUNS=5]\n");
        return 2;
    }
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    std::string error;
    auto reader = CaptureFileReader::open(argv[1], error);
    if (!reader || !reader->randomAccess()) {
        std::fprintf(stderr, "filter_bench: %s\n", reader ? "the capture must be a regular file" : error.c_str());
        return 1;
    }
    FilterError filterError;
    const auto filter = DisplayFilter::compile(argv[2], filterError);
    if (!filter) {
        std::fprintf(stderr, "filter_bench: %s\n", filterError.describe(argv[2]).c_str());
        return 2;
    }

    // Load as CaptureController::openFile does.
    const auto loadStart = std::chrono::steady_clock::now();
    PacketStoreOptions options;
    options.memoryBound = 8ull << 30;
    const std::unique_ptr<PacketStore> indexed = makeFileBackedStore(*reader, options);
    PacketStore& store = *indexed;
    FrameRef frame;
    while (reader->next(frame))
        store.appendAt(reader->lastFrameOffset(), frame, PacketTags{classifyFrame(frame.linkType, frame.data), CaptureMode::Off});
    const double loadMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - loadStart).count();

    // The packet list keeps the numbers that pass, as Wireshark's visible-rows vector.
    std::vector<std::uint64_t> visible;
    visible.reserve(store.size());
    std::vector<double> wall, cpu;
    std::uint64_t dissected = 0;
    for (int r = 0; r < runs; ++r) {
        visible.clear();
        StoredPacketMatcher matcher(*filter);
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        filterStoredPackets(store, store.firstNumber(), store.endNumber(), matcher, visible);
        cpu.push_back(double(std::clock() - c0) * 1000.0 / CLOCKS_PER_SEC);
        wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        dissected = matcher.dissectedCount();
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    };
    std::printf("packets=%zu passed=%zu dissected=%llu quick_only=%s load_ms=%.1f filter_wall_ms=%.1f filter_cpu_ms=%.1f "
                "ns_per_packet=%.1f\n",
                store.size(), visible.size(), static_cast<unsigned long long>(dissected),
                filter->needsDissection() ? "no" : "yes", loadMs, median(wall), median(cpu),
                median(wall) * 1e6 / double(std::max<std::size_t>(1, store.size())));
    return 0;
}
