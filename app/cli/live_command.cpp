// SPDX-License-Identifier: GPL-2.0-or-later
#include "live_command.h"

#include "frame_exporter.h"
#include "output_buffer.h"
#include "packet_printer.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "live/live_capture.h"
#include "store/capture_session.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>

namespace rcvmon::cli {
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int) { g_interrupted.store(true); }

using Clock = std::chrono::steady_clock;
// At most this much of the ring is held by one batch being written, so the capture thread
// always has room (the ring is 16 MiB).
constexpr std::size_t kHeldBytes = 2u << 20;

// Where captured frames go: a capture file (-w) or printed lines.
class LiveOutput {
public:
    LiveOutput(const CliOptions& o, const CaptureSession& session) : m_options(o), m_session(session), m_text(stdout) {}

    bool open(std::string& error)
    {
        if (!m_options.writeFile.empty()) {
            auto describe = [this](std::uint32_t id) {
                InterfaceInfo info;
                const auto names = m_session.interfaces();
                if (id < names.size()) info.name = names[id];
                return info;
            };
            m_writer = FrameExporter::create(m_options, describe, error);
            // Frames are written from the ring, which holds them until flushBatch().
            if (m_writer) m_writer->borrowFrameBytes(true);
            return m_writer != nullptr;
        }
        m_printer = makePacketPrinter(m_options, m_text, error);
        if (m_printer) m_printer->begin();
        return m_printer != nullptr;
    }
    bool take(const FrameRef& frame, std::string& error)
    {
        ++m_count;
        if (!m_writer) {
            m_dissector.dissect(frame, m_count, m_dissection);
            m_printer->print(frame, m_count, m_dissection);
            return true;
        }
        return m_writer->write(frame, error);
    }
    // Written frames and printed lines reach a file, terminal or pipe once per drained batch.
    bool flushBatch(std::string& error)
    {
        if (m_writer) return m_writer->flush(error);
        if (m_text.flush()) return true;
        error = "could not write to standard output";
        return false;
    }
    bool finish(std::string& error)
    {
        if (m_printer) m_printer->end();
        if (!m_text.flush()) {
            error = "could not write to standard output";
            return false;
        }
        return !m_writer || m_writer->commit(error);
    }
    std::uint64_t count() const { return m_count; }

private:
    const CliOptions& m_options;
    const CaptureSession& m_session;
    OutputBuffer m_text;
    std::unique_ptr<PacketPrinter> m_printer;
    std::unique_ptr<FrameExporter> m_writer;
    Dissector m_dissector;
    Dissection m_dissection;
    std::uint64_t m_count = 0;
};

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
    std::string error;
    auto source = openLiveCapture({o.interface, o.mode, o.allProtocols, o.captureFilter}, error);
    if (!source) {
        std::fprintf(stderr, "rcvmon-cli: %s\n", error.c_str());
        return 1;
    }
    // The consumer is woken as each kernel block arrives and writes the frames straight from
    // the kernel's blocks (lent, not copied into the ring), as tcpdump does; the ring only
    // carries their descriptors. The window, which drains 30 times a second, copies instead.
    CaptureSession session(std::move(source), CaptureSessionOptions{.ringBytes = 16u << 20, .lendFrames = true});
    LiveOutput output(o, session);
    if (!output.open(error)) {
        std::fprintf(stderr, "rcvmon-cli: %s\n", error.c_str());
        return 1;
    }
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
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
                if (!outputFailed && !output.flushBatch(error)) outputFailed = true;
            },
            wanted, kHeldBytes);
    };
    while (!g_interrupted.load() && !outputFailed && output.count() < limit && Clock::now() < deadline) {
        if (drainBatch() == 0) {
            const SessionState state = session.state();
            if (state != SessionState::Running && state != SessionState::Idle) break;
            // Woken by the capture thread as frames arrive; the timeout bounds how late
            // Ctrl-C and -a are noticed.
            session.waitForFrames(std::chrono::milliseconds(20));
        }
    }
    session.stop();
    // What is already in the ring was captured: keep it (up to -c).
    while (!outputFailed && output.count() < limit && drainBatch() > 0) {
    }

    std::string finishError;
    const bool finished = output.finish(finishError);
    printSummary(o, session, output.count());
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
