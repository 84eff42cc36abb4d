// SPDX-License-Identifier: GPL-2.0-or-later
#include "bench_live.h"

#include "capture_controller.h"
#include "main_window.h"
#include "packet_table_model.h"
#include "synthetic_source.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace rcvmon {

namespace {
constexpr int ProbeMs = 10;
}

BenchLive::BenchLive(MainWindow& window, std::uint64_t rate, int seconds)
    : QObject(&window), m_window(window), m_rate(rate), m_seconds(seconds), m_probe(new QTimer(this))
{
    m_probe->setTimerType(Qt::PreciseTimer);
    connect(m_probe, &QTimer::timeout, this, &BenchLive::probe);
}

void BenchLive::start()
{
    QString error;
    if (!m_window.controller()->startCapture(std::make_unique<SyntheticSource>(m_rate, CaptureMode::IpLevel), error)) {
        std::fprintf(stderr, "rcvmon: %s\n", qPrintable(error));
        QCoreApplication::exit(1);
        return;
    }
    m_clock.start();
    m_lastNs = 0;
    m_probe->start(ProbeMs);
    QTimer::singleShot(m_seconds * 1000, this, &BenchLive::finish);
}

void BenchLive::probe()
{
    // How much later than its 10 ms period the timer fired: time the loop was busy.
    const qint64 now = m_clock.nsecsElapsed();
    if (m_lastNs > 0) m_lateMs.push_back(std::max(0.0, static_cast<double>(now - m_lastNs) / 1e6 - ProbeMs));
    m_lastNs = now;
}

void BenchLive::finish()
{
    m_probe->stop();
    const CaptureCounters c = m_window.controller()->counters();
    const int rows = m_window.controller()->tableModel()->rowCount();
    m_window.controller()->stop();
    std::sort(m_lateMs.begin(), m_lateMs.end());
    const auto pick = [&](double q) {
        return m_lateMs.empty() ? 0.0 : m_lateMs[static_cast<std::size_t>(q * double(m_lateMs.size() - 1))];
    };
    std::printf("rate=%llu seconds=%d rows=%d received=%llu dropped_ring=%llu latency_ms_p50=%.2f latency_ms_p99=%.2f "
                "latency_ms_max=%.2f\n",
                static_cast<unsigned long long>(m_rate), m_seconds, rows, static_cast<unsigned long long>(c.captured),
                static_cast<unsigned long long>(c.droppedRing), pick(0.5), pick(0.99),
                m_lateMs.empty() ? 0.0 : m_lateMs.back());
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

}  // namespace rcvmon
