// SPDX-License-Identifier: GPL-2.0-or-later
// The window's detail pane and `rcvmon-cli -V` show the same tree for the same frame: the
// pane's lines (text, indented by depth) are compared with the CLI's first packet block, on
// RcvMon's own sample and on every capture of the reference corpus.
#include "detail_tree_lines.h"
#include "qtest_main.h"

#include <QDir>
#include <QTest>

using namespace rcvmon;

class TestDetailTreeCli : public QObject {
    Q_OBJECT
private slots:
    void cliVerboseEqualsDetailPane_data();
    void cliVerboseEqualsDetailPane();
};

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
    QString error;
    const QStringList pane = test::paneTreeLines(capture, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList printed = test::cliTreeLines(capture, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(printed, pane);
}

RCVMON_QTEST_GUILESS_MAIN(TestDetailTreeCli)
#include "tst_detail_tree_cli.moc"
