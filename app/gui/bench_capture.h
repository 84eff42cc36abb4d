// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include "core/capture_mode.h"

#include <cstdint>
#include <vector>

class QTimer;

namespace rcvmon {

class MainWindow;

// `rcvmon -i IFACE [-m MODE] --bench-capture SECONDS`: the window captures from a real interface (its
// live capture, spooled as always) for SECONDS while a 10 ms probe timer measures how late the
// event loop serves it — the hook the soak and packets/s benchmarks read. Prints one line a
// second, `t=S received=N dropped_kernel=N dropped_ring=N rows=N evicted=N disk_bytes=N
// latency_ms_p99=B` (p99 of that second), then at the end `final ...` with the whole run's
// p50/p99/max, and quits without asking to save (the benchmark reads the spool files itself).
class BenchCapture : public QObject {
    Q_OBJECT
public:
    BenchCapture(MainWindow& window, QString interfaceName, CaptureMode mode, int seconds);
    void start();

private:
    void probe();
    void report();
    void finish();

    MainWindow& m_window;
    QString m_interface;
    CaptureMode m_mode;
    int m_seconds;
    QTimer* m_probe;
    QTimer* m_report;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    std::vector<double> m_lateMs;
    std::size_t m_secondStart = 0;  // first m_lateMs entry of the current second
};

}  // namespace rcvmon
