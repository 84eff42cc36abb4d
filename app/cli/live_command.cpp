// SPDX-License-Identifier: GPL-2.0-or-later
#include "live_command.h"

#include "control_channel.h"
#include "live_output.h"
#include "live_sources.h"
#include "stop_signals.h"

#include "live/live_capture.h"
#include "live/ssh_target.h"
#include "store/capture_session.h"

#include <chrono>
#include <cstdio>

namespace rcvmon::cli {
namespace {

using Clock = std::chrono::steady_clock;
// At most this much of the ring is held by one batch being written, so the capture thread
// always has room (the ring is 16 MiB).
constexpr std::size_t kHeldBytes = 2u << 20;

Timestamp wallClockNow()
{
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    return Timestamp{ns / 1'000'000'000, static_cast<std::uint32_t>(ns % 1'000'000'000)};
}

// One line per interface of a merged capture, after the totals.
// A remote interface's drops are those its far end reported (its kernel and ring).
void printInterfaceSummary(const CliOptions& o, const SourceMerger& merger)
{
    std::uint32_t id = 0;
    for (const auto& m : merger.members()) {
        const char* state = m.state == SourceMerger::MemberState::Failed ? " (ended early)" : "";
        const bool remote = id < o.interfaces.size() && isSshUrl(o.interfaces[id].name);
        std::fprintf(stderr,
                     "rcvmon-cli:   interface %u %s (%s)%s: received %llu, dropped (%s) %llu, dropped (queue) %llu\n",
                     id, m.name.c_str(), std::string(captureModeName(m.capturingMode)).c_str(), state,
                     static_cast<unsigned long long>(m.stats.received), remote ? "remote" : "kernel",
                     static_cast<unsigned long long>(m.stats.droppedKernel),
                     static_cast<unsigned long long>(m.droppedQueue));
        ++id;
    }
}

// What happened to single interfaces of a merged capture (a connection lost), each said once.
void printNewNotices(const SourceMerger* merger, std::size_t& printed)
{
    if (!merger) return;
    const auto notices = merger->notices();
    for (; printed < notices.size(); ++printed)
        std::fprintf(stderr, "rcvmon-cli: %s; the capture goes on on the other interfaces\n", notices[printed].c_str());
}

void printSummary(const CliOptions& o, const std::string& name, const CaptureSession& session, std::uint64_t written)
{
    const SessionCounters c = session.counters();
    std::fprintf(stderr,
                 "rcvmon-cli: %llu packets captured on %s (%s); received %llu, dropped (kernel) %llu, "
                 "dropped (ring) %llu\n",
                 static_cast<unsigned long long>(written), name.c_str(),
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
    LiveSources sources;
    if (!openLiveSources(o, sources, error)) {
        std::fprintf(stderr, "rcvmon-cli: %s\n", error.c_str());
        return 1;
    }
    // The file is declared with its interfaces up front: a readable capture before any packet.
    SourceMerger* merger = sources.merger;
    const std::string captureName = sources.source->name();
    // One source: the consumer is woken as each kernel block arrives and writes the frames
    // straight from the kernel's blocks (lent, not copied into the ring), as tcpdump does; the
    // ring only carries their descriptors. A merge copies each frame into its member's queue
    // anyway, and the window, which drains 30 times a second, copies too.
    CaptureSession session(std::move(sources.source),
                           CaptureSessionOptions{.ringBytes = 16u << 20, .lendFrames = merger == nullptr});
    LiveOutput output(o);
    if (!output.open(sources.interfaces, error)) {
        std::fprintf(stderr, "rcvmon-cli: %s\n", error.c_str());
        return 1;
    }
    const Timestamp started = wallClockNow();
    session.start();
    std::unique_ptr<ControlChannel> control;
    if (o.controlStdin) control = std::make_unique<ControlChannel>(session);
    std::size_t noticesPrinted = 0;

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
    auto controlEnded = [&] { return control && control->ended(); };
    while (!stopRequested() && !controlEnded() && capturing() && Clock::now() < deadline) {
        if (drainBatch() == 0) {
            const SessionState state = session.state();
            if (state != SessionState::Running && state != SessionState::Idle) break;
            // Woken by the capture thread as frames arrive; the timeout bounds how late
            // signals, -a and the flush interval are noticed.
            session.waitForFrames(std::chrono::milliseconds(20));
        }
        if (!outputFailed && !output.tick(error)) outputFailed = true;
        if (control) control->reportStats();
        printNewNotices(merger, noticesPrinted);
    }
    if (merger && capturing()) {
        // Frames held back for ordering, and what the interfaces still hold, come out in
        // order before the end (bounded: a member that does not finish is left behind).
        merger->finishMembers();
        const auto finishBy = Clock::now() + std::chrono::seconds(3);
        while (capturing() && session.state() == SessionState::Running && Clock::now() < finishBy) {
            if (drainBatch() == 0) session.waitForFrames(std::chrono::milliseconds(20));
        }
    }
    session.stop();
    // What is already in the ring was captured: keep it (up to -c and -a).
    while (capturing() && drainBatch() > 0) {
    }

    std::string finishError;
    const auto statistics = sources.statistics(started, wallClockNow(), session.counters().droppedRing);
    const bool finished = output.finish(statistics, finishError);
    if (control) control->reportStats(true);
    printNewNotices(merger, noticesPrinted);
    printSummary(o, captureName, session, output.count());
    if (merger) printInterfaceSummary(o, *merger);
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
