// SPDX-License-Identifier: GPL-2.0-or-later
#include "bench_open.h"

#include "capture_controller.h"
#include "frame_replay.h"
#include "main_window.h"
#include "name_resolution.h"
#include "packet_colorizer.h"
#include "packet_coloring.h"
#include "packet_table_model.h"
#include "stream_chain_index.h"

#include <QCoreApplication>
#include <QFile>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <utility>
#include <vector>

namespace rcvmon {

namespace {
// What the figures were measured with: colouring and the name switches (m, n, t, d).
QByteArray viewState(MainWindow& window)
{
    const auto& f = window.nameResolution()->resolver().flags();
    QByteArray names;
    for (const auto& [on, letter] : {std::pair{f.mac, 'm'}, {f.network, 'n'}, {f.transport, 't'}, {f.capturedDns, 'd'}})
        if (on) names += letter;
    return "colorize=" + QByteArray(window.coloring()->colorizer()->isEnabled() ? "on" : "off") + " names=" +
           (names.isEmpty() ? QByteArray("none") : names);
}
}  // namespace

long rssAnonKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("RssAnon:")) return line.mid(8).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

BenchOpen::BenchOpen(MainWindow& window, QString path, bool scroll)
    : QObject(&window), m_window(window), m_path(std::move(path)), m_scroll(scroll), m_sampler(new QTimer(this))
{
    connect(m_sampler, &QTimer::timeout, this, &BenchOpen::sample);
}

void BenchOpen::start()
{
    m_clock.start();
    sample();
    m_sampler->start(10);
    connect(m_window.controller(), &CaptureController::loadFinished, this, &BenchOpen::finish);
    if (!m_window.openFile(m_path)) {
        std::fprintf(stderr, "rcvmon: %s\n", qPrintable(m_window.messageText()));
        QCoreApplication::exit(1);
    }
}

void BenchOpen::sample()
{
    m_peakKib = std::max(m_peakKib, rssAnonKib());
}

void BenchOpen::finish()
{
    // Every row is in the model; show the last one and paint before stopping the clock.
    QTableView* table = m_window.packetTable();
    table->scrollToBottom();
    table->viewport()->repaint();
    QCoreApplication::processEvents();
    const double seconds = static_cast<double>(m_clock.nsecsElapsed()) / 1e9;
    sample();
    m_sampler->stop();
    if (m_scroll) {
        // Jumps once the in-order pass has reached every frame: rows then replay their streams
        // (the worst case for a jump), as they do for a user who opens a file and reads it.
        const auto ready = [this] { return m_window.controller()->chainIndex()->caughtUp(); };
        while (!ready()) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        scrollAround();
        return;
    }
    std::printf("rows=%d seconds=%.3f peak_rss_anon_mib=%.1f %s\n", m_window.controller()->tableModel()->rowCount(),
                seconds, static_cast<double>(m_peakKib) / 1024.0, viewState(m_window).constData());
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

void BenchOpen::scrollAround()
{
    QTableView* table = m_window.packetTable();
    const int rows = m_window.controller()->tableModel()->rowCount();
    std::vector<double> ms, cpuMs, finalMs;
    std::uint32_t seed = 2463534242u;
    // The GUI thread's own CPU time beside the wall time: on a machine shared with other work
    // the wall time also counts the time the scheduler gave to others.
    const auto threadCpuMs = [] {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
    };
    QElapsedTimer clock;
    for (int i = 0; i < 200 && rows > 0; ++i) {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        const int row = static_cast<int>(seed % static_cast<std::uint32_t>(rows));
        clock.start();
        const double cpuStart = threadCpuMs();
        // What a jump costs the user: place the row, build its text, paint the viewport.
        table->scrollTo(table->model()->index(row, 0), QAbstractItemView::PositionAtCenter);
        table->viewport()->repaint();
        ms.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        cpuMs.push_back(threadCpuMs() - cpuStart);
        // Rows whose replay the paint deferred read as in file order once it lands and they are
        // repainted: how long until every row shows its final text.
        const FrameReplay* replay = m_window.controller()->frameReplay();
        while (replay && replay->busy()) QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        finalMs.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpuMs.begin(), cpuMs.end());
    std::sort(finalMs.begin(), finalMs.end());
    const auto pick = [&](double q) { return ms.empty() ? 0.0 : ms[static_cast<std::size_t>(q * double(ms.size() - 1))]; };
    const auto pickCpu = [&](double q) { return cpuMs.empty() ? 0.0 : cpuMs[static_cast<std::size_t>(q * double(cpuMs.size() - 1))]; };
    const auto pickFinal = [&](double q) { return finalMs.empty() ? 0.0 : finalMs[static_cast<std::size_t>(q * double(finalMs.size() - 1))]; };
    std::printf("rows=%d paints=%zu paint_ms_p50=%.2f paint_ms_p99=%.2f paint_ms_max=%.2f paint_cpu_ms_p50=%.2f "
                "paint_cpu_ms_p99=%.2f final_text_ms_p50=%.2f final_text_ms_p99=%.2f %s\n",
                rows, ms.size(), pick(0.5), pick(0.99), ms.empty() ? 0.0 : ms.back(), pickCpu(0.5), pickCpu(0.99),
                pickFinal(0.5), pickFinal(0.99), viewState(m_window).constData());
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

}  // namespace rcvmon
