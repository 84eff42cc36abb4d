// SPDX-License-Identifier: GPL-2.0-or-later
// live_probe: opens one AF_PACKET source and prints a line per frame, then a summary on
// exit, SIGTERM or SIGINT. The live tests run it inside a namespace (ip netns exec) to kill
// it and check that the interface does not stay promiscuous.
//
//   live_probe -i IFACE [-m on|iplevel] [-f FILTER] [--all-protocols] [-c COUNT]

#include "live/linux/af_packet_source.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <unistd.h>

namespace {

volatile std::sig_atomic_t g_stop = 0;
rcvmon::AfPacketSource* g_source = nullptr;

void onSignal(int)
{
    g_stop = 1;
    if (g_source != nullptr) g_source->wakeup();
}

const char* directionName(rcvmon::Direction direction)
{
    switch (direction) {
    case rcvmon::Direction::Incoming: return "in";
    case rcvmon::Direction::Outgoing: return "out";
    case rcvmon::Direction::OtherHost: return "other";
    case rcvmon::Direction::Unknown: break;
    }
    return "unknown";
}

class PrintingSink : public rcvmon::FrameSink {
public:
    void onFrame(const rcvmon::FrameRef& frame) override
    {
        ++frames;
        std::printf("frame %s len=%u caplen=%u", directionName(frame.direction), frame.originalLength,
                    frame.capturedLength);
        for (std::size_t i = 0; i < frame.data.size() && i < 16; ++i) std::printf(i == 0 ? " %02x" : "%02x", frame.data[i]);
        std::printf("\n");
    }
    unsigned long long frames = 0;
};

int usage()
{
    std::fprintf(stderr, "usage: live_probe -i IFACE [-m on|iplevel] [-f FILTER] [--all-protocols] [-c COUNT]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv)
{
    rcvmon::AfPacketSource::Options options;
    unsigned long long limit = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "-i" && hasValue) {
            options.interfaceName = argv[++i];
        } else if (arg == "-m" && hasValue) {
            const auto mode = rcvmon::parseCaptureMode(argv[++i]);
            if (!mode) return usage();
            options.mode = *mode;
        } else if (arg == "-f" && hasValue) {
            options.filter = argv[++i];
        } else if (arg == "-c" && hasValue) {
            limit = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--all-protocols") {
            options.allProtocols = true;
        } else {
            return usage();
        }
    }

    std::string error;
    auto source = rcvmon::AfPacketSource::open(options, error);
    if (!source) {
        std::fprintf(stderr, "live_probe: %s\n", error.c_str());
        return 1;
    }
    g_source = source.get();
    struct sigaction action{};
    action.sa_handler = onSignal;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::printf("ready pid=%d interface=%s mode=%s\n", static_cast<int>(getpid()), source->name().c_str(),
                std::string(rcvmon::captureModeName(source->mode())).c_str());

    PrintingSink sink;
    int status = 0;
    while (g_stop == 0 && (limit == 0 || sink.frames < limit)) {
        if (source->poll(sink, 1000) == rcvmon::PollResult::Error) {
            std::fprintf(stderr, "live_probe: %s\n", source->error().c_str());
            status = 1;
            break;
        }
    }
    const rcvmon::CaptureStats stats = source->stats();
    std::printf("summary frames=%llu received=%llu dropped=%llu\n", sink.frames,
                static_cast<unsigned long long>(stats.received), static_cast<unsigned long long>(stats.droppedKernel));
    g_source = nullptr;
    return status;
}
