// SPDX-License-Identifier: GPL-2.0-or-later
// The window's detail pane and `rcvmon-cli -V` show the same tree for the same frame: the
// pane's lines (text, indented by depth) are compared with the CLI's first packet block, on
// RcvMon's own sample and on every capture of the reference corpus.
#include "dissector_decoder.h"
#include "file/capture_file_reader.h"
#include "file/interface_names.h"
#include "packet_detail_model.h"
#include "qtest_main.h"
#include "store/packet_store.h"
#include "store_adapter.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QProcess>
#include <QTest>

using namespace rcvmon;

class TestDetailTreeCli : public QObject {
    Q_OBJECT
private slots:
    void cliVerboseEqualsDetailPane_data();
    void cliVerboseEqualsDetailPane();
};

namespace {

void appendLines(const PacketDetailModel& model, const QModelIndex& parent, int depth, QStringList& lines)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        lines << QString(4 * depth, QLatin1Char(' ')) + model.data(index).toString();
        appendLines(model, index, depth + 1, lines);
    }
}

}  // namespace

void TestDetailTreeCli::cliVerboseEqualsDetailPane_data()
{
    QTest::addColumn<QString>("capture");
    QTest::newRow("sample") << QStringLiteral(RCVMON_SAMPLE_FILE);
    const QDir corpus(QStringLiteral(RCVMON_CORPUS_DIR "/public"));
    for (const QString& name : corpus.entryList({QStringLiteral("*.pcap"), QStringLiteral("*.pcapng")}, QDir::Files))
        QTest::newRow(name.toUtf8().constData()) << corpus.filePath(name);
}

void TestDetailTreeCli::cliVerboseEqualsDetailPane()
{
    QFETCH(QString, capture);
    // The window's tree: the first frame, through the real store and decoder.
    std::string error;
    auto reader = CaptureFileReader::open(capture.toStdString(), error);
    QVERIFY2(reader, error.c_str());
    PacketStore store;
    FrameRef frame;
    if (reader->next(frame)) QVERIFY(store.append(frame));
    StoreAdapter view(store);
    auto decoder = makeDissectorDecoder();
    decoder->setInterfaceNames(interfaceNamesOf(*reader));  // as the window gives an opened file's names
    PacketDetailModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&view, decoder.get());
    model.showPacket(1);
    QStringList pane;
    appendLines(model, {}, 0, pane);
    if (!pane.isEmpty()) pane << QString();  // the blank line that ends a packet's block

    // The CLI's tree of the same frame: its first block. The pane dissects a frame alone
    // (no IP reassembly across frames), so the CLI is asked for the same view.
    QProcess cli;
    cli.start(QStringLiteral(RCVMON_BUILD_DIR "/app/rcvmon-cli"),
              {QStringLiteral("-r"), capture, QStringLiteral("--no-reassembly"), QStringLiteral("-V")});
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 0);
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    // An empty capture prints nothing, as its pane shows nothing.
    const QStringList printed = out.isEmpty() ? QStringList()
                                              : out.left(out.indexOf(QStringLiteral("\n\n")) + 1).split(QLatin1Char('\n'));
    QCOMPARE(printed, pane);
}

RCVMON_QTEST_GUILESS_MAIN(TestDetailTreeCli)
#include "tst_detail_tree_cli.moc"
