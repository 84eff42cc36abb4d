// SPDX-License-Identifier: GPL-2.0-or-later
// Statistics ▸ I/O Graphs' count of a whole capture, timed: three header-only graphs (all
// frames, udp, tcp.port == 80), then the same with a graph whose filter dissects every frame.
// Usage: iograph_bench FILE. Prints one line: frames=N quick_seconds=S dissect_seconds=S
#include "io_graph_model.h"
#include "io_graph_scan.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <cstdio>

using namespace rcvmon;

namespace {

double timeScan(const QString& path, std::vector<IoGraphModel::Graph> graphs, std::uint64_t& frames)
{
    IoGraphModel model;
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
    const double quick = timeScan(path, graphs, frames);
    graphs.push_back({QStringLiteral("errors"), QStringLiteral("tcp.analysis.flags"), IoGraphUnit::Packets});
    const double dissect = timeScan(path, graphs, frames);
    std::printf("frames=%llu quick_seconds=%.3f dissect_seconds=%.3f\n", static_cast<unsigned long long>(frames), quick, dissect);
    return frames > 0 ? 0 : 1;
}
