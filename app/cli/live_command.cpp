// SPDX-License-Identifier: GPL-2.0-or-later
#include "live_command.h"

#include "live_output.h"
#include "stop_signals.h"

#include "live/live_capture.h"
#include "store/capture_session.h"

#include <chrono>
#include <cstdio>

namespace rcvmon::cli {
namespace {

using Clock = std::chrono::steady_clock;
// At most this much of the ring is held by one batch being written, so the capture thread
// always has room (the ring is 16 MiB).
constexpr std::size_t kHeldBytes = 2u << 20;

void printSummary(const CliOptions& o, const CaptureSession& session, std::uint64_t written)
{
    const SessionCounters c = session.counters();
    std::fprintf(stderr,
                 "rcvmon-cli: %llu packets captured on %s (%s); received %llu, dropped (kernel) %llu, "
                 "dropped (ring) %llu\n",
                 static_cast<unsigned long long>(written), o.interface.c_str(),
                 std::string(captureModeName(session.mode() == CaptureMode::Off ? o.mode : session.mode())).c_str(),
                 static_cast<unsigned long long>(c.received), static_cast<unsigned long long>(c.droppedKernel),
                 static_cast<unsigned long long>(c.droppedRing));
}

}  // namespace

int runListInterfaces()
{
    std::string error;
    const auto interfaces = listNetworkInterfaces(error);
    if (!error.empty()) {
        std::fprintf(stderr, "rcvmon-cli: %s\n", error.c_str());
        return 1;
    }
    for (const auto& iface : interfaces) {
        std::string addresses;
        for (const auto& a : iface.addresses) addresses += (addresses.empty() ? "" : ", ") + a;
        std::string flags = iface.up ? "up" : "down";
        if (iface.running) flags += ", running";
        if (iface.loopback) flags += ", loopback";
        if (iface.promiscuous) flags += ", promiscuous";
        std::printf("%u. %s (%s) [%s]\n", iface.index, iface.name.c_str(),
                    addresses.empty() ? "no addresses" : addresses.c_str(), flags.c_str());
    }
    return 0;
}

int runLiveCommand(const CliOptions& o)
{
    // From the start: a reader of -w - that is already gone must not kill us before the summary.
    installStopSignals();
    std::string error;
    auto source = openLiveCapture({o.interface, o.mode, o.allProtocols, o.captureFilter}, error);
    if (!source) {
        std::fprintf(stderr, "rcvmon-cli: %s\n", error.c_str());
        return 1;
    }
    // The file is declared with the interface up front: a readable capture before any packet.
    InterfaceInfo captured;
    captured.linkType = source->linkType();
    captured.name = source->name();
    // The consumer is woken as each kernel block arrives and writes the frames straight from
    // the kernel's blocks (lent, not copied into the ring), as tcpdump does; the ring only
    // carries their descriptors. The window, which drains 30 times a second, copies instead.
    CaptureSession session(std::move(source), CaptureSessionOptions{.ringBytes = 16u << 20, .lendFrames = true});
    LiveOutput output(o);
    if (!output.open({captured}, error)) {
        std::fprintf(stderr, "rcvmon-cli: %s\n", error.c_str());
        return 1;
    }
    session.start();

    const auto deadline = o.durationSeconds
        ? Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(*o.durationSeconds))
        : Clock::time_point::max();
    const std::uint64_t limit = o.packetLimit.value_or(UINT64_MAX);
    bool outputFailed = false;
    auto drainBatch = [&] {
        const std::size_t wanted = std::size_t(std::min<std::uint64_t>(limit - output.count(), 4096));
        return session.drainHeld(
            [&](const FrameRef& frame, const PacketTags&) {
                if (!outputFailed && !output.take(frame, error)) outputFailed = true;
            },
            [&] {
                if (!outputFailed && !output.endBatch(error)) outputFailed = true;
            },
            wanted, kHeldBytes);
    };
    auto capturing = [&] { return !outputFailed && !output.stopReached() && output.count() < limit; };
    while (!stopRequested() && capturing() && Clock::now() < deadline) {
        if (drainBatch() == 0) {
            const SessionState state = session.state();
            if (state != SessionState::Running && state != SessionState::Idle) break;
            // Woken by the capture thread as frames arrive; the timeout bounds how late
            // signals, -a and the flush interval are noticed.
            session.waitForFrames(std::chrono::milliseconds(20));
        }
        if (!outputFailed && !output.tick(error)) outputFailed = true;
    }
    session.stop();
    // What is already in the ring was captured: keep it (up to -c and -a).
    while (capturing() && drainBatch() > 0) {
    }

    std::string finishError;
    const bool finished = output.finish(finishError);
    printSummary(o, session, output.count());
    // The reader of our output went away: that is how this capture was meant to end.
    if (stoppedByBrokenPipe()) return 0;
    if (outputFailed || !finished) {
        std::fprintf(stderr, "rcvmon-cli: %s\n", (outputFailed ? error : finishError).c_str());
        return 1;
    }
    if (session.state() == SessionState::Failed) {
        std::fprintf(stderr, "rcvmon-cli: %s\n", session.error().c_str());
        return 1;
    }
    return 0;
}

}  // namespace rcvmon::cli
