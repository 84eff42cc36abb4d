// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QApplication>
#include <QElapsedTimer>

#include <map>
#include <string>
#include <vector>

namespace rcvmon {

// The window's application object. With RCVMON_EVENT_TIMING set in the environment it times
// every event the loop delivers (outermost only), in wall time and in this thread's CPU time,
// and, at exit, prints to standard error the handlers that kept the loop busy longest:
// receiver (class, object name, a timer's interval), event type, count, total, max and how
// many took over 10 ms; then the 20 slowest deliveries with when they happened. Finds what
// makes the event loop late (the benchmarks' p99), and tells work (CPU time) from waiting
// for a core on a loaded machine (wall time far above CPU time).
class TimedApplication : public QApplication {
public:
    TimedApplication(int& argc, char** argv);
    ~TimedApplication() override;
    bool notify(QObject* receiver, QEvent* event) override;

private:
    struct Stat {
        std::uint64_t count = 0, over10 = 0, cpuOver10 = 0;
        double totalMs = 0, maxMs = 0, cpuMs = 0, cpuMaxMs = 0;
    };
    struct Slow {
        double ms, cpuMs, atS;
        std::string key;
    };
    std::string keyOf(QObject* receiver, QEvent* event) const;
    void print() const;

    bool m_enabled = false;
    int m_depth = 0;
    QElapsedTimer m_clock;
    std::map<std::string, Stat> m_stats;
    std::vector<Slow> m_slowest;
};

}  // namespace rcvmon
