// SPDX-License-Identifier: GPL-2.0-or-later
// rcvmon: the desktop window. Parses the command line and wires; nothing else.
#include "bench_capture.h"
#include "bench_live.h"
#include "bench_open.h"
#include "capture_backend.h"
#include "event_timing.h"
#include "gui_options.h"
#include "main_window.h"
#include "spool_recovery.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    rcvmon::TimedApplication app(argc, argv);  // times the event loop under RCVMON_EVENT_TIMING
    QApplication::setOrganizationName(QStringLiteral("RcvMon"));
    QApplication::setApplicationName(QStringLiteral("rcvmon"));
    QApplication::setApplicationVersion(QStringLiteral(RCVMON_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.rcvmon.RcvMon"));  // Wayland app id = .desktop id

    rcvmon::GuiOptions options;
    QString error;
    if (!rcvmon::parseGuiOptions(QApplication::arguments(), options, error)) {
        std::fprintf(stderr, "rcvmon: %s\n", qPrintable(error));
        return 2;
    }
    rcvmon::MainWindow window(rcvmon::systemCaptureBackend());
    window.resize(1400, 860);
    window.show();
    if (!options.benchFile.isEmpty() || !options.scrollFile.isEmpty()) {
        const bool scroll = options.benchFile.isEmpty();
        auto* bench = new rcvmon::BenchOpen(window, scroll ? options.scrollFile : options.benchFile, scroll);
        bench->start();
        return QApplication::exec();
    }
    if (options.liveRate > 0) {
        auto* bench = new rcvmon::BenchLive(window, options.liveRate, options.liveSeconds);
        bench->start();
        return QApplication::exec();
    }
    if (options.captureSeconds > 0) {
        auto* bench = new rcvmon::BenchCapture(window, options.interfaceName, options.mode, options.captureSeconds);
        bench->start();
        return QApplication::exec();
    }
    // A capture a crash or kill left in the spool directory is offered first.
    if (rcvmon::offerSpoolRecovery(window)) return QApplication::exec();
    if (!options.file.isEmpty()) {
        window.openFile(options.file);  // a bad file shows its error in the window
    } else if (!options.interfaceName.isEmpty()) {
        window.startCapture({options.interfaceName, options.mode, QString(), false});
    } else {
        window.startDefault();
    }
    return QApplication::exec();
}
