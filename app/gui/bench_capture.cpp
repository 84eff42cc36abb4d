// SPDX-License-Identifier: GPL-2.0-or-later
#include "bench_capture.h"

#include "capture_controller.h"
#include "main_window.h"
#include "packet_table_model.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace rcvmon {

namespace {
constexpr int ProbeMs = 10;

// The q-quantile of `v` (sorted in place).
double quantile(std::vector<double> v, double q)
{
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(q * double(v.size() - 1))];
}

unsigned long long ull(std::uint64_t v)
{
    return static_cast<unsigned long long>(v);
}
}  // namespace

BenchCapture::BenchCapture(MainWindow& window, QString interfaceName, CaptureMode mode, int seconds)
    : QObject(&window), m_window(window), m_interface(std::move(interfaceName)), m_mode(mode), m_seconds(seconds),
      m_probe(new QTimer(this)), m_report(new QTimer(this))
{
    m_probe->setTimerType(Qt::PreciseTimer);
    connect(m_probe, &QTimer::timeout, this, &BenchCapture::probe);
    connect(m_report, &QTimer::timeout, this, &BenchCapture::report);
}

void BenchCapture::start()
{
    // Through the window, as a user's capture: the system backend, spooling, the status bar.
    if (!m_window.startCapture({m_interface, m_mode, QString(), false})) {
        std::fprintf(stderr, "rcvmon: the capture on %s did not start: %s\n", qPrintable(m_interface),
                     qPrintable(m_window.messageText()));
        QCoreApplication::exit(1);
        return;
    }
    m_clock.start();
    m_probe->start(ProbeMs);
    m_report->start(1000);
    QTimer::singleShot(m_seconds * 1000, this, &BenchCapture::finish);
}

void BenchCapture::probe()
{
    // How much later than its 10 ms period the timer fired: time the loop was busy.
    const qint64 now = m_clock.nsecsElapsed();
    if (m_lastNs > 0) m_lateMs.push_back(std::max(0.0, static_cast<double>(now - m_lastNs) / 1e6 - ProbeMs));
    m_lastNs = now;
}

void BenchCapture::report()
{
    const CaptureCounters c = m_window.controller()->counters();
    const std::vector<double> second(m_lateMs.begin() + static_cast<std::ptrdiff_t>(m_secondStart), m_lateMs.end());
    m_secondStart = m_lateMs.size();
    std::printf("t=%.1f received=%llu dropped_kernel=%llu dropped_ring=%llu rows=%d evicted=%llu disk_bytes=%llu "
                "latency_ms_p99=%.2f\n",
                static_cast<double>(m_clock.elapsed()) / 1000.0, ull(c.captured), ull(c.droppedKernel),
                ull(c.droppedRing), m_window.controller()->tableModel()->rowCount(), ull(c.evicted), ull(c.diskUsed),
                quantile(second, 0.99));
    std::fflush(stdout);
}

void BenchCapture::finish()
{
    m_probe->stop();
    m_report->stop();
    m_window.controller()->stop();
    const CaptureCounters c = m_window.controller()->counters();
    std::printf("final seconds=%d received=%llu dropped_kernel=%llu dropped_ring=%llu rows=%d evicted=%llu "
                "latency_ms_p50=%.2f latency_ms_p99=%.2f latency_ms_max=%.2f\n",
                m_seconds, ull(c.captured), ull(c.droppedKernel), ull(c.droppedRing),
                m_window.controller()->tableModel()->rowCount(), ull(c.evicted), quantile(m_lateMs, 0.5),
                quantile(m_lateMs, 0.99), quantile(m_lateMs, 1.0));
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

}  // namespace rcvmon
