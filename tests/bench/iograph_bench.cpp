// SPDX-License-Identifier: GPL-2.0-or-later
// Statistics ▸ I/O Graphs' count of a whole capture, timed: three header-only graphs (all
// frames, udp, tcp.port == 80), then the same with a graph whose filter dissects every frame.
// What the GUI thread then does is timed too: the slowest interval change (regrouping the
// counts) and the slowest redraw (the points of every graph over the whole capture).
// Usage: iograph_bench FILE. Prints one line:
//   frames=N quick_seconds=S dissect_seconds=S regroup_ms=M points_ms=M
#include "io_graph_model.h"
#include "io_graph_scan.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <algorithm>
#include <cstdio>

using namespace rcvmon;

namespace {

double timeScan(IoGraphModel& model, const QString& path, std::vector<IoGraphModel::Graph> graphs, std::uint64_t& frames)
{
    model.setGraphs(std::move(graphs));
    QEventLoop loop;
    QObject::connect(&model, &IoGraphModel::scanFinished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    model.setCapture(path);
    loop.exec();
    frames = model.scan()->framesScanned();
    if (!model.scan()->error().isEmpty()) std::fprintf(stderr, "iograph_bench: %s\n", qPrintable(model.scan()->error()));
    return double(clock.nsecsElapsed()) / 1e9;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: iograph_bench FILE\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    std::vector<IoGraphModel::Graph> graphs = {{QStringLiteral("all"), {}, IoGraphUnit::Packets},
                                               {QStringLiteral("udp"), QStringLiteral("udp"), IoGraphUnit::Packets},
                                               {QStringLiteral("tcp"), QStringLiteral("tcp.port == 80"), IoGraphUnit::Bytes}};
    std::uint64_t frames = 0;
    IoGraphModel quickModel;
    const double quick = timeScan(quickModel, path, graphs, frames);
    graphs.push_back({QStringLiteral("errors"), QStringLiteral("tcp.analysis.flags"), IoGraphUnit::Packets});
    IoGraphModel model;
    const double dissect = timeScan(model, path, graphs, frames);
    double regroupMs = 0, pointsMs = 0;
    for (std::uint64_t interval : {1, 10, 100, 1000, 10'000, 60'000, 600'000}) {
        QElapsedTimer clock;
        clock.start();
        model.setIntervalMs(interval);
        regroupMs = std::max(regroupMs, double(clock.nsecsElapsed()) / 1e6);
        clock.restart();
        for (int g = 0; g < model.columnCount() - 1; ++g) model.points(g, 0, model.spanSeconds(), 2000);
        pointsMs = std::max(pointsMs, double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("frames=%llu quick_seconds=%.3f dissect_seconds=%.3f regroup_ms=%.1f points_ms=%.1f\n",
                static_cast<unsigned long long>(frames), quick, dissect, regroupMs, pointsMs);
    return frames > 0 ? 0 : 1;
}
