// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <cstdint>
#include <vector>

class QTimer;

namespace rcvmon {

class MainWindow;

// `rcvmon --bench-live RATE[:SECONDS]`: a synthetic capture at RATE frames/s in the real
// window, following the tail, while a 10 ms probe timer measures how late the event loop
// serves it. Prints `rate=R seconds=S rows=N received=N dropped_ring=N latency_ms_p50=A
// latency_ms_p99=B latency_ms_max=C` and quits.
class BenchLive : public QObject {
    Q_OBJECT
public:
    BenchLive(MainWindow& window, std::uint64_t rate, int seconds);
    void start();

private:
    void probe();
    void finish();

    MainWindow& m_window;
    std::uint64_t m_rate;
    int m_seconds;
    QTimer* m_probe;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    std::vector<double> m_lateMs;
};

}  // namespace rcvmon
