// SPDX-License-Identifier: GPL-2.0-or-later
// The window side of remote_bench.sh (issue 13): the real MainWindow (offscreen or under
// xvfb-run) captures the remote interfaces it is given, merged, over OpenSSH. Prints "ready"
// once every interface delivers, waits for STOP_FILE to appear (the script's traffic is over),
// lets the window drain until its packet list stops growing, then prints one line of totals
// and one per interface, and quits.
// Usage: remote_window_bench --remote-cli PATH [--ssh-option OPT]... --stop-file PATH
//        --filter BPF INTERFACES   (INTERFACES: "ssh://root@h1/if, ssh://root@h2/if")
#include "capture_backend.h"
#include "capture_controller.h"
#include "live/interface_choice.h"
#include "live/source_merger.h"
#include "main_window.h"
#include "packet_table_model.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>

using namespace rcvmon;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rcvmon-remote-bench"));
    RemoteCaptureOptions remote;
    remote.restartable = true;
    QString stopFile, filter, interfaces;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        const QString next = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == QLatin1String("--remote-cli")) remote.remoteCli = next.toStdString(), ++i;
        else if (a == QLatin1String("--ssh-option")) remote.sshOptions.push_back(next.toStdString()), ++i;
        else if (a == QLatin1String("--stop-file")) stopFile = next, ++i;
        else if (a == QLatin1String("--filter")) filter = next, ++i;
        else interfaces = a;
    }
    if (stopFile.isEmpty() || interfaces.isEmpty()) {
        std::fprintf(stderr, "usage: remote_window_bench --remote-cli PATH [--ssh-option OPT]... --stop-file PATH "
                             "[--filter BPF] INTERFACES\n");
        return 2;
    }
    CaptureBackend backend;
    backend.open = [remote](const CaptureRequest& request, QString& error) {
        std::vector<InterfaceChoice> choices;
        for (const auto& name : splitInterfaceList(request.interfaceName.toStdString()))
            choices.push_back({name, request.mode, request.filter.toStdString()});
        std::string why;
        auto source = openInterfaces(choices, request.allProtocols, remote, why);
        if (!source) error = QString::fromStdString(why);
        return source;
    };
    MainWindow window(backend);
    window.resize(1400, 900);
    window.show();
    CaptureRequest request;
    request.interfaceName = interfaces;
    request.mode = CaptureMode::IpLevel;
    request.filter = filter;
    if (!window.startCapture(request)) {
        std::fprintf(stderr, "remote_window_bench: %s\n", qPrintable(window.messageText()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);

    CaptureController* controller = window.controller();
    QTimer poll;
    int lastRows = -1;
    QElapsedTimer still, draining;
    bool stopping = false;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (!stopping) {
            if (!QFileInfo::exists(stopFile)) return;
            stopping = true;
            draining.start();
            still.start();
        }
        const int rows = controller->tableModel()->rowCount();
        if (rows != lastRows) {
            lastRows = rows;
            still.restart();
            if (draining.elapsed() < 30000) return;
        } else if (still.elapsed() < 2000 && draining.elapsed() < 30000) {
            return;
        }
        poll.stop();
        const CaptureCounters c = controller->counters();
        std::printf("rows=%d captured=%llu dropped_kernel=%llu dropped_ring=%llu\n", rows,
                    static_cast<unsigned long long>(c.captured), static_cast<unsigned long long>(c.droppedKernel),
                    static_cast<unsigned long long>(c.droppedRing));
        if (const SourceMerger* merger = controller->merger())
            for (const auto& m : merger->members())
                std::printf("interface=%s received=%llu remote_kernel=%llu remote_ring=%llu queue=%llu running=%d\n",
                            m.name.c_str(), static_cast<unsigned long long>(m.stats.received),
                            static_cast<unsigned long long>(m.stats.remoteKernel),
                            static_cast<unsigned long long>(m.stats.remoteRing),
                            static_cast<unsigned long long>(m.droppedQueue),
                            m.state == SourceMerger::MemberState::Running ? 1 : 0);
        std::fflush(stdout);
        controller->stop();
        QCoreApplication::exit(0);
    });
    poll.start(100);
    return app.exec();
}
