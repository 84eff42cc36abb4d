// SPDX-License-Identifier: GPL-2.0-or-later
#include "stop_signals.h"

#include <atomic>
#include <csignal>

namespace rcvmon::cli {
namespace {

std::atomic<int> g_stopSignal{0};

extern "C" void onStopSignal(int signal)
{
    // The first signal says why; lock-free atomics are safe in a handler.
    int none = 0;
    g_stopSignal.compare_exchange_strong(none, signal);
}

}  // namespace

void installStopSignals()
{
#ifdef _WIN32
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
#else
    struct sigaction action{};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;  // a write or wait in progress carries on; the loop checks the flag
    for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) sigaction(signal, &action, nullptr);
#endif
}

bool stopRequested() { return g_stopSignal.load() != 0; }

bool stoppedByBrokenPipe()
{
#ifdef _WIN32
    return false;
#else
    return g_stopSignal.load() == SIGPIPE;
#endif
}

}  // namespace rcvmon::cli
