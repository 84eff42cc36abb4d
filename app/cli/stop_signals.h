// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace rcvmon::cli {

// Ends a live capture cleanly, as Ctrl-C does, on SIGINT, SIGTERM, SIGHUP (the terminal was
// closed, an ssh session dropped) and SIGPIPE (whoever read the output went away): the
// handler only raises a flag, and the capture loop stops, writes out what it took and prints
// its statistics. With SIGPIPE caught, writing to the closed pipe fails (EPIPE) instead of
// killing the process. SIGHUP and SIGPIPE do not exist on Windows.
void installStopSignals();
bool stopRequested();
// Whether the stop came from SIGPIPE: output then fails, and that is how the capture ends.
bool stoppedByBrokenPipe();

}  // namespace rcvmon::cli
