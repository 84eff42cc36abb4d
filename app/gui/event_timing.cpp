// SPDX-License-Identifier: GPL-2.0-or-later
#include "event_timing.h"

#include <QEvent>
#include <QMetaEnum>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace rcvmon {

namespace {
constexpr std::size_t SlowestKept = 20;

// This thread's CPU time, ns.
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<qint64>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}
}  // namespace

TimedApplication::TimedApplication(int& argc, char** argv)
    : QApplication(argc, argv), m_enabled(std::getenv("RCVMON_EVENT_TIMING") != nullptr)
{
    m_clock.start();
}

TimedApplication::~TimedApplication()
{
    if (m_enabled) print();
}

std::string TimedApplication::keyOf(QObject* receiver, QEvent* event) const
{
    std::string key = receiver->metaObject()->className();
    if (!receiver->objectName().isEmpty()) key.append("/").append(receiver->objectName().toStdString());
    // A QTimer's slot is not known here: its interval and its owner's class tell them apart.
    if (auto* timer = qobject_cast<QTimer*>(receiver)) {
        key.append(" ").append(std::to_string(timer->interval())).append("ms");
        if (receiver->parent()) key.append(" of ").append(receiver->parent()->metaObject()->className());
    }
    const char* type = QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type());
    key.append(" ").append(type ? std::string(type) : std::to_string(event->type()));
    return key;
}

bool TimedApplication::notify(QObject* receiver, QEvent* event)
{
    if (!m_enabled || m_depth > 0 || !receiver) return QApplication::notify(receiver, event);
    // The key is taken before delivery: the receiver may be deleted by its own event.
    const std::string key = keyOf(receiver, event);
    const qint64 start = m_clock.nsecsElapsed();
    const qint64 cpuStart = threadCpuNs();
    ++m_depth;
    bool result = false;
    try {
        result = QApplication::notify(receiver, event);
    } catch (...) {
        --m_depth;
        throw;
    }
    --m_depth;
    const double ms = static_cast<double>(m_clock.nsecsElapsed() - start) / 1e6;
    const double cpuMs = static_cast<double>(threadCpuNs() - cpuStart) / 1e6;
    Stat& s = m_stats[key];
    ++s.count;
    s.totalMs += ms;
    s.maxMs = std::max(s.maxMs, ms);
    s.cpuMs += cpuMs;
    s.cpuMaxMs = std::max(s.cpuMaxMs, cpuMs);
    if (ms > 10.0) ++s.over10;
    if (cpuMs > 10.0) ++s.cpuOver10;
    if (m_slowest.size() < SlowestKept || ms > m_slowest.back().ms) {
        if (m_slowest.size() == SlowestKept) m_slowest.pop_back();
        m_slowest.push_back({ms, cpuMs, static_cast<double>(start) / 1e9, key});
        std::sort(m_slowest.begin(), m_slowest.end(), [](const Slow& a, const Slow& b) { return a.ms > b.ms; });
    }
    return result;
}

void TimedApplication::print() const
{
    std::vector<std::pair<std::string, Stat>> rows(m_stats.begin(), m_stats.end());
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.totalMs > b.second.totalMs; });
    std::fprintf(stderr, "event timing: %-64s %8s %9s %8s %6s | %9s %8s %6s\n", "receiver event (wall | thread CPU)", "count",
                 "total_ms", "max_ms", ">10ms", "cpu_ms", "cpu_max", ">10ms");
    for (std::size_t i = 0; i < rows.size() && i < 25; ++i) {
        const Stat& s = rows[i].second;
        std::fprintf(stderr, "event timing: %-64s %8llu %9.1f %8.1f %6llu | %9.1f %8.1f %6llu\n", rows[i].first.c_str(),
                     static_cast<unsigned long long>(s.count), s.totalMs, s.maxMs, static_cast<unsigned long long>(s.over10),
                     s.cpuMs, s.cpuMaxMs, static_cast<unsigned long long>(s.cpuOver10));
    }
    for (const Slow& s : m_slowest)
        std::fprintf(stderr, "event timing: slow %8.1f ms (CPU %7.1f ms) at %8.2f s  %s\n", s.ms, s.cpuMs, s.atS, s.key.c_str());
}

}  // namespace rcvmon
