// SPDX-License-Identifier: GPL-2.0-or-later
// The two trees the detail-tree tests compare, as lines (text indented four spaces a level,
// a packet's block ending with a blank line): the window's detail pane for one frame of a
// capture, through the real store and decoder, and `rcvmon-cli -V` for the same capture.
#pragma once

#include "dissector_decoder.h"
#include "file/capture_file_reader.h"
#include "file/interface_names.h"
#include "packet_detail_model.h"
#include "store/packet_store.h"
#include "store_adapter.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QStringList>
#include <QTest>

namespace rcvmon::test {

inline void appendTreeLines(const PacketDetailModel& model, const QModelIndex& parent, int depth, QStringList& lines)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        lines << QString(4 * depth, QLatin1Char(' ')) + model.data(index).toString();
        appendTreeLines(model, index, depth + 1, lines);
    }
}

// The pane's tree of the capture's first frame, as the window shows an opened file's frame.
// Sets `error` when the capture cannot be opened.
inline QStringList paneTreeLines(const QString& capture, QString& error)
{
    std::string openError;
    auto reader = CaptureFileReader::open(capture.toStdString(), openError);
    if (!reader) {
        error = QString::fromStdString(openError);
        return {};
    }
    PacketStore store;
    FrameRef frame;
    if (reader->next(frame) && !store.append(frame)) {
        error = QStringLiteral("the store refused the first frame");
        return {};
    }
    StoreAdapter view(store);
    auto decoder = makeDissectorDecoder();
    decoder->setInterfaceNames(interfaceNamesOf(*reader));  // as the window gives an opened file's names
    PacketDetailModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&view, decoder.get());
    model.showPacket(1);
    QStringList pane;
    appendTreeLines(model, {}, 0, pane);
    if (!pane.isEmpty()) pane << QString();  // the blank line that ends a packet's block
    return pane;
}

// rcvmon-cli's output for `arguments` (exit status 0 expected), or a null string on failure.
inline QString runCli(const QStringList& arguments, QString& error)
{
    QProcess cli;
    cli.start(QStringLiteral(RCVMON_BUILD_DIR "/app/rcvmon-cli"), arguments);
    if (!cli.waitForFinished(120000) || cli.exitStatus() != QProcess::NormalExit || cli.exitCode() != 0) {
        error = QStringLiteral("rcvmon-cli %1 failed: %2").arg(arguments.join(QLatin1Char(' ')),
                                                                 QString::fromUtf8(cli.readAllStandardError()));
        return {};
    }
    return QString::fromUtf8(cli.readAllStandardOutput());
}

// The CLI's tree of the capture's first frame: the first block of -V. The pane dissects a frame
// alone (no IP reassembly across frames), so the CLI is asked for the same view.
inline QStringList cliTreeLines(const QString& capture, QString& error)
{
    const QString out = runCli({QStringLiteral("-r"), capture, QStringLiteral("--no-reassembly"), QStringLiteral("-V")}, error);
    // An empty capture prints nothing, as its pane shows nothing.
    if (out.isEmpty()) return {};
    return out.left(out.indexOf(QStringLiteral("\n\n")) + 1).split(QLatin1Char('\n'));
}

}  // namespace rcvmon::test
