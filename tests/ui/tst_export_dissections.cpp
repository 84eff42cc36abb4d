// SPDX-License-Identifier: GPL-2.0-or-later
// File ▸ Export Packet Dissections in the real window, over a capture built here, with a
// layout a user made: Source renamed, Length hidden, Protocol dragged first, a custom column
// whose cells hold commas. Each format is read back (CSV parsed, JSON through QJsonDocument,
// plain text by lines) and every value compared with the table's cell; the hidden column is
// absent and the renamed title used. The export runs in slices (the event loop turns while it
// writes), the file appears only when complete (temporary file + rename), and Cancel leaves
// nothing behind.
#include "capture_controller.h"
#include "custom_columns_model.h"
#include "dissection_export.h"
#include "export_dissections_dialog.h"
#include "main_window.h"
#include "packet_builder.h"
#include "packet_columns.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "require.h"
#include "screenshot.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QProcess>
#include <QStandardPaths>
#include <QJsonArray>
#include <QSet>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace rcvmon;
namespace pb = rcvmon::test;

namespace {

constexpr int kFrames = 30000;

// Little-endian pcap (Ethernet): TCP 40000+i → 80; every third frame an ICMP port unreachable
// quoting UDP 5000 → 53, so ip.src occurs twice and its custom cell reads "a,b".
QByteArray capture()
{
    pb::Bytes f;
    auto le32 = [&](std::uint32_t v) { for (int i = 0; i < 4; ++i) pb::put8(f, (v >> (8 * i)) & 0xff); };
    auto le16 = [&](std::uint32_t v) { pb::put8(f, v & 0xff); pb::put8(f, v >> 8); };
    le32(0xa1b2c3d4);
    le16(2);
    le16(4);
    le32(0);
    le32(0);
    le32(65535);
    le32(1);
    for (int i = 0; i < kFrames; ++i) {
        const pb::Bytes payload = {'x'};
        const auto quoted = pb::ipv4(17, pb::udp(5000, 53, payload), pb::kIpB, pb::kIpA);
        const auto frame = i % 3 == 2 ? pb::ethernet(0x0800, pb::ipv4(1, pb::icmpError(3, 3, quoted)))
                                      : pb::ethernet(0x0800, pb::ipv4(6, pb::tcp(std::uint16_t(40000 + i % 1000), 80, 1, 0, 0x10, payload)));
        le32(1700000000u + std::uint32_t(i));
        le32(std::uint32_t(i % 1000) * 1000);
        le32(std::uint32_t(frame.size()));
        le32(std::uint32_t(frame.size()));
        pb::append(f, frame);
    }
    return QByteArray(reinterpret_cast<const char*>(f.data()), qsizetype(f.size()));
}

// RFC 4180 as Wireshark writes it: every field quoted, quotes doubled, rows end with \n.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

QString readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll());
}

}  // namespace

class TestExportDissections : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void csvQuotesEveryValue();
    void csvOfEveryDisplayedPacket();
    void jsonOfSelectedPackets();
    void jsonOfTheSampleEqualsTsharks();
    void plainTextOfAFrameRange();
    void cancelLeavesNoFile();

private:
    // A window on the capture with the user's layout; the export dialog of `format`.
    std::unique_ptr<MainWindow> openWindow();
    ExportDissectionsDialog* openDialog(MainWindow& window, const char* action);
    // The shown columns' sections, in the header's order.
    static QList<int> shownSections(const QTableView& table);
    static bool runExport(ExportDissectionsDialog& dialog);

    QTemporaryDir m_dir;
    QString m_capture;
};

void TestExportDissections::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_export_dissections-%1").arg(QCoreApplication::applicationPid()));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_capture = m_dir.filePath(QStringLiteral("export.pcap"));
    QFile file(m_capture);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(capture()) > 0);
}

std::unique_ptr<MainWindow> TestExportDissections::openWindow()
{
    auto window = std::make_unique<MainWindow>(CaptureBackend{});
    window->resize(1400, 800);
    window->show();
    QSignalSpy loaded(window->controller(), &CaptureController::loadFinished);
    if (!window->openFile(m_capture)) return window;
    if (loaded.count() == 0) loaded.wait(60000);
    (void)QTest::qWaitFor([&] { return window->controller()->tableModel()->rowCount() == kFrames; }, 60000);  // checked by the callers
    PacketColumns* columns = window->packetColumns();
    columns->applyAsColumn(QStringLiteral("ip.src"));
    columns->setTitle(PacketTableModel::Source, QStringLiteral("From"));
    QHeaderView* header = window->packetTable()->horizontalHeader();
    header->setSectionHidden(PacketTableModel::Length, true);
    header->moveSection(header->visualIndex(PacketTableModel::Protocol), 0);
    return window;
}

ExportDissectionsDialog* TestExportDissections::openDialog(MainWindow& window, const char* action)
{
    auto* a = window.findChild<QAction*>(QString::fromLatin1(action));
    if (!a) return nullptr;
    a->trigger();
    auto* dialog = window.findChild<ExportDissectionsDialog*>();
    if (dialog) (void)QTest::qWaitForWindowExposed(dialog);
    return dialog;
}

QList<int> TestExportDissections::shownSections(const QTableView& table)
{
    QList<int> out;
    const QHeaderView* header = table.horizontalHeader();
    for (int v = 0; v < header->count(); ++v)
        if (!header->isSectionHidden(header->logicalIndex(v))) out << header->logicalIndex(v);
    return out;
}

bool TestExportDissections::runExport(ExportDissectionsDialog& dialog)
{
    QSignalSpy finished(&dialog, &ExportDissectionsDialog::finished);
    if (!dialog.start()) return false;
    if (finished.isEmpty() && !finished.wait(120000)) return false;
    return finished.first().first().toBool();
}

void TestExportDissections::csvQuotesEveryValue()
{
    QString out;
    DissectionExport::appendCsv(out, QStringLiteral("say \"hi\", then go"));
    QCOMPARE(out, QStringLiteral("\"say \"\"hi\"\", then go\""));
    out.clear();
    DissectionExport::appendJsonString(out, QStringLiteral("a\"b\\c\n"));
    QCOMPARE(out, QStringLiteral("\"a\\\"b\\\\c\\n\""));
}

void TestExportDissections::csvOfEveryDisplayedPacket()
{
    std::unique_ptr<MainWindow> window = openWindow();
    QCOMPARE(window->controller()->tableModel()->rowCount(), kFrames);
    ExportDissectionsDialog* dialog = openDialog(*window, "actionExportDissectionsCsv");
    QVERIFY(dialog);
    rcvmon::test::saveScreenshot(dialog, QStringLiteral("export_dissections_dialog.png"));
    const QString path = m_dir.filePath(QStringLiteral("all.csv"));
    dialog->setPath(path);
    dialog->setRange(ExportDissectionsDialog::Range::Displayed);

    // The event loop keeps turning while it writes: a timer fires between slices, and the
    // file is not there until it is complete.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(1);
    QSignalSpy finished(dialog, &ExportDissectionsDialog::finished);
    QVERIFY(dialog->start());
    QVERIFY(dialog->isRunning());
    QVERIFY(!QFile::exists(path));
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(dialog->message()));
    QVERIFY2(ticks >= 2, qPrintable(QStringLiteral("%1 timer ticks during the export").arg(ticks)));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.csv*")}, QDir::Files), QStringList{QStringLiteral("all.csv")});

    const QList<QStringList> rows = parseCsv(readAll(path));
    QCOMPARE(rows.size(), kFrames + 1);
    const QAbstractItemModel* model = window->packetTable()->model();
    const QList<int> sections = shownSections(*window->packetTable());
    QStringList titles;
    for (int s : sections) titles << model->headerData(s, Qt::Horizontal).toString();
    QCOMPARE(rows[0], titles);
    QCOMPARE(rows[0].first(), QStringLiteral("Protocol"));
    QVERIFY(rows[0].contains(QStringLiteral("From")));
    QVERIFY(!rows[0].contains(QStringLiteral("Source")));
    QVERIFY(!rows[0].contains(QStringLiteral("Length")));
    for (int r : {0, 1, 2, 1000, kFrames - 1}) {
        QStringList cells;
        for (int s : sections) cells << model->index(r, s).data().toString();
        QCOMPARE(rows[r + 1], cells);
    }
    QCOMPARE(rows[3].last(), QStringLiteral("198.18.0.1,198.18.0.2"));  // a comma inside quotes
}

namespace {

// A key of tshark's layer object, searched in its "_tree" sub-objects too (tshark nests a
// field's children there; RcvMon's layers are flat).
QJsonValue findKey(const QJsonObject& layer, const QString& key)
{
    if (layer.contains(key)) return layer.value(key);
    for (auto it = layer.begin(); it != layer.end(); ++it)
        if (it->isObject())
            if (const QJsonValue found = findKey(it->toObject(), key); !found.isUndefined()) return found;
    return QJsonValue(QJsonValue::Undefined);
}

// What differs between one of our layers and tshark's: keys missing there, values not equal.
QStringList layerDifferences(const QString& name, const QJsonObject& ours, const QJsonObject& theirs)
{
    QStringList out;
    for (auto it = ours.begin(); it != ours.end(); ++it) {
        const QJsonValue value = findKey(theirs, it.key());
        if (value.isUndefined()) out << QStringLiteral("%1: %2 not in tshark's").arg(name, it.key());
        else if (value != it.value())
            out << QStringLiteral("%1: %2 is %3, tshark's %4")
                       .arg(name, it.key(), QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)),
                            QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)));
    }
    return out;
}

}  // namespace

// Issue 12: JSON is tshark -T json's layout of the protocol layers, keyed by field names, with
// the values tshark writes (frames dissected in order, as tshark does: tcp.stream, analysis).
void TestExportDissections::jsonOfSelectedPackets()
{
    std::unique_ptr<MainWindow> window = openWindow();
    QTableView* table = window->packetTable();
    table->selectRow(4);
    for (int row : {6, 7, 8})
        table->selectionModel()->select(table->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    ExportDissectionsDialog* dialog = openDialog(*window, "actionExportDissectionsJson");
    QVERIFY(dialog);
    QCOMPARE(dialog->countIn(ExportDissectionsDialog::Range::Selected), std::size_t(4));
    const QString path = m_dir.filePath(QStringLiteral("selected.json"));
    dialog->setPath(path);
    dialog->setRange(ExportDissectionsDialog::Range::Selected);
    rcvmon::test::saveScreenshot(dialog, QStringLiteral("export_dissections_json.png"));
    QVERIFY2(runExport(*dialog), qPrintable(dialog->message()));

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(readAll(path).toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonArray packets = doc.array();
    QCOMPARE(packets.size(), 4);
    const int frames[] = {5, 7, 8, 9};
    for (int i = 0; i < 4; ++i) {
        const QJsonObject packet = packets[i].toObject();
        QCOMPARE(packet[QStringLiteral("_index")].toString(), QStringLiteral("packets"));
        const QJsonObject layers = packet[QStringLiteral("_source")].toObject()[QStringLiteral("layers")].toObject();
        QVERIFY(!layers.contains(QStringLiteral("_ws.col")));  // the columns are CSV's and plain text's
        const QJsonObject frame = layers[QStringLiteral("frame")].toObject();
        QCOMPARE(frame[QStringLiteral("frame.number")].toString(), QString::number(frames[i]));
        QCOMPARE(layers[QStringLiteral("eth")].toObject()[QStringLiteral("eth.type")].toString(), QStringLiteral("0x0800"));
        QVERIFY(layers.contains(QStringLiteral("ip")));
        QVERIFY(layers.contains(i < 3 ? QStringLiteral("tcp") : QStringLiteral("icmp")));
    }
    QCOMPARE(packets[0].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("layers")].toObject()
                 [QStringLiteral("tcp")].toObject()[QStringLiteral("tcp.srcport")].toString(),
             QStringLiteral("40004"));

    // tshark on the same packets: every layer and field RcvMon writes is there with the same value.
    RCVMON_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(), rcvmon::test::toolWhat("tshark"));
    QProcess tshark;
    tshark.start(QStringLiteral("tshark"), {QStringLiteral("-r"), m_capture, QStringLiteral("-Y"),
                                            QStringLiteral("frame.number in {5,7,8,9}"), QStringLiteral("-T"),
                                            QStringLiteral("json"), QStringLiteral("--no-duplicate-keys")});
    QVERIFY(tshark.waitForFinished(300000));
    const QJsonArray theirs = QJsonDocument::fromJson(tshark.readAllStandardOutput()).array();
    QCOMPARE(theirs.size(), 4);
    QStringList differences;
    int keys = 0;
    for (int i = 0; i < 4; ++i) {
        const QJsonObject ours =
            packets[i].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("layers")].toObject();
        const QJsonObject their =
            theirs[i].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("layers")].toObject();
        // The ICMP error quotes an IP/UDP header: tshark nests it in its icmp layer, RcvMon
        // lists it as layers after it; the quoting frame's own layers are compared.
        const QStringList compared = i < 3 ? QStringList{QStringLiteral("frame"), QStringLiteral("eth"), QStringLiteral("ip"),
                                                         QStringLiteral("tcp")}
                                           : QStringList{QStringLiteral("frame"), QStringLiteral("eth"), QStringLiteral("icmp")};
        for (const QString& name : compared) {
            QVERIFY2(their.contains(name), qPrintable(name));
            keys += int(ours[name].toObject().size());
            differences << layerDifferences(QStringLiteral("frame %1 %2").arg(frames[i]).arg(name), ours[name].toObject(),
                                            their[name].isArray() ? their[name].toArray().first().toObject() : their[name].toObject());
        }
    }
    QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QLatin1Char('\n'))));
    qInfo("%d fields of %d packets equal tshark's", keys, 4);
    QVERIFY(keys >= 100);  // every layer's fields, not a few
    const QJsonObject tcp = packets[1].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("layers")].toObject()
                                [QStringLiteral("tcp")].toObject();
    for (const char* field : {"tcp.stream", "tcp.seq", "tcp.ack", "tcp.flags", "tcp.checksum", "tcp.len"})
        QVERIFY2(tcp.contains(QLatin1String(field)), field);
}

// Every packet of the bundled sample (Ethernet, ARP, IPv4, IPv6, ICMP, TCP, UDP, DNS, TLS):
// each layer and field of RcvMon's JSON is in tshark -T json's with the same value. One known
// difference: on TLS records tshark does not decode (application data it cannot decrypt, or
// continuations) its "tls" layer is only the text "Transport Layer Security", where RcvMon
// lists the record's label field tls.record.
void TestExportDissections::jsonOfTheSampleEqualsTsharks()
{
    RCVMON_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(), rcvmon::test::toolWhat("tshark"));
    const QString sample = QStringLiteral(RCVMON_SOURCE_DIR "/resources/sample.pcapng");
    MainWindow window(CaptureBackend{});
    window.show();
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    QVERIFY(window.openFile(sample));
    QVERIFY(!loaded.isEmpty() || loaded.wait(60000));
    ExportDissectionsDialog* dialog = openDialog(window, "actionExportDissectionsJson");
    QVERIFY(dialog);
    const QString path = m_dir.filePath(QStringLiteral("sample.json"));
    dialog->setPath(path);
    dialog->setRange(ExportDissectionsDialog::Range::Displayed);
    QVERIFY2(runExport(*dialog), qPrintable(dialog->message()));
    const QJsonArray ours = QJsonDocument::fromJson(readAll(path).toUtf8()).array();

    QProcess tshark;
    tshark.start(QStringLiteral("tshark"), {QStringLiteral("-r"), sample, QStringLiteral("-T"), QStringLiteral("json"),
                                            QStringLiteral("--no-duplicate-keys")});
    QVERIFY(tshark.waitForFinished(300000));
    const QJsonArray theirs = QJsonDocument::fromJson(tshark.readAllStandardOutput()).array();
    QVERIFY(ours.size() > 1000);
    QCOMPARE(ours.size(), theirs.size());
    QStringList differences;
    QSet<QString> layerNames;
    int keys = 0;
    int tlsUndecoded = 0;
    for (qsizetype i = 0; i < ours.size(); ++i) {
        const QJsonObject mine = ours[i].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("layers")].toObject();
        const QJsonObject their = theirs[i].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("layers")].toObject();
        for (auto it = mine.begin(); it != mine.end(); ++it) {
            layerNames.insert(it.key());
            const QJsonObject fields = it->toObject();
            keys += int(fields.size());
            const QJsonValue other = their.value(it.key());
            if (it.key() == QStringLiteral("tls") && other.isString() && fields.keys() == QStringList{QStringLiteral("tls.record")}) {
                ++tlsUndecoded;
                continue;
            }
            if (!other.isObject() && !other.isArray()) {
                differences << QStringLiteral("frame %1: no %2 layer in tshark's").arg(i + 1).arg(it.key());
                continue;
            }
            differences << layerDifferences(QStringLiteral("frame %1 %2").arg(i + 1).arg(it.key()), fields,
                                            other.isArray() ? other.toArray().first().toObject() : other.toObject());
        }
    }
    QVERIFY2(differences.isEmpty(), qPrintable(differences.mid(0, 40).join(QLatin1Char('\n'))));
    qInfo("%d fields of %lld packets equal tshark's (%d undecoded TLS records)", keys, qlonglong(ours.size()), tlsUndecoded);
    for (const char* layer : {"frame", "eth", "arp", "ip", "ipv6", "icmp", "tcp", "udp", "dns", "tls"})
        QVERIFY2(layerNames.contains(QLatin1String(layer)), layer);
    QVERIFY(keys > 20000);
}

void TestExportDissections::plainTextOfAFrameRange()
{
    std::unique_ptr<MainWindow> window = openWindow();
    ExportDissectionsDialog* dialog = openDialog(*window, "actionExportDissectionsText");
    QVERIFY(dialog);
    const QString path = m_dir.filePath(QStringLiteral("range.txt"));
    dialog->setPath(path);
    dialog->setFrameRange(QStringLiteral("10-19"));
    QCOMPARE(dialog->countIn(ExportDissectionsDialog::Range::FrameRange), std::size_t(10));
    QVERIFY2(runExport(*dialog), qPrintable(dialog->message()));

    const QStringList lines = readAll(path).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 11);
    const QAbstractItemModel* model = window->packetTable()->model();
    const QList<int> sections = shownSections(*window->packetTable());
    // Titles in the header's order, "From" for Source, no Length.
    QVERIFY(lines[0].startsWith(QStringLiteral("Protocol ")));
    QVERIFY(lines[0].contains(QStringLiteral("From")));
    QVERIFY(!lines[0].contains(QStringLiteral("Length")));
    for (int i = 0; i < 10; ++i) {
        // Each value in order, separated by padding as Wireshark's summary lines.
        QString rest = lines[i + 1];
        for (int s : sections) {
            const QString value = model->index(9 + i, s).data().toString();
            const qsizetype at = rest.indexOf(value);
            QVERIFY2(at >= 0, qPrintable(QStringLiteral("“%1” not in “%2”").arg(value, lines[i + 1])));
            QVERIFY(rest.left(at).trimmed().isEmpty());
            rest = rest.mid(at + value.size());
        }
        QVERIFY(rest.isEmpty());
    }
    // The frame number is right-aligned in 7 characters, as Wireshark's.
    QVERIFY(lines[1].contains(QStringLiteral("     10 ")));
}

void TestExportDissections::cancelLeavesNoFile()
{
    std::unique_ptr<MainWindow> window = openWindow();
    ExportDissectionsDialog* dialog = openDialog(*window, "actionExportDissectionsCsv");
    QVERIFY(dialog);
    const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
    dialog->setPath(path);
    QSignalSpy finished(dialog, &ExportDissectionsDialog::finished);
    QVERIFY(dialog->start());
    QVERIFY(dialog->isRunning());
    // Escape (the dialog's Cancel) stops the export and keeps the dialog open.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
    QVERIFY(!finished.first().first().toBool());
    QVERIFY(dialog->isVisible());
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files | QDir::Hidden), QStringList{});
    // A path that cannot be written: one clear message, no crash.
    dialog->setPath(m_dir.filePath(QStringLiteral("no/such/dir/out.csv")));
    QVERIFY(!dialog->start());
    QVERIFY(dialog->message().contains(QStringLiteral("Cannot write")));
}

RCVMON_QTEST_MAIN(TestExportDissections)
#include "tst_export_dissections.moc"
