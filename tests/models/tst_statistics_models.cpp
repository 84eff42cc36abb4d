// SPDX-License-Identifier: GPL-2.0-or-later
// The Statistics menu's models over a StatisticsFeed: checked by QAbstractItemModelTester
// while a file loads and while a live capture streams, and against tshark's tables.
#include "capture_controller.h"
#include "conversation_model.h"
#include "dissector_decoder.h"
#include "endpoint_model.h"
#include "fake_capture_source.h"
#include "protocol_hierarchy_model.h"
#include "statistics_feed.h"
#include "qtest_main.h"

#include <QAbstractItemModelTester>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

using namespace rcvmon;
using rcvmon::test::FakeCaptureSource;

namespace {
const QString samplePath = QStringLiteral(RCVMON_SAMPLE_FILE);

// Every model of the Statistics menu over one feed, each watched by a tester.
struct WatchedModels {
    explicit WatchedModels(StatisticsFeed* feed) : hierarchy(feed)
    {
        for (StatKind kind : kAllStatKinds) {
            conversations.push_back(std::make_unique<ConversationModel>(feed, kind));
            endpoints.push_back(std::make_unique<EndpointModel>(feed, kind));
        }
        for (auto& m : conversations) watch(m.get());
        for (auto& m : endpoints) watch(m.get());
        watch(&hierarchy);
    }
    void watch(QAbstractItemModel* model)
    {
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    void refresh()
    {
        for (auto& m : conversations) m->refresh();
        for (auto& m : endpoints) m->refresh();
        hierarchy.refresh();
    }
    StatTableModel* conversation(StatKind kind) { return conversations[statKindIndex(kind)].get(); }

    std::vector<std::unique_ptr<StatTableModel>> conversations, endpoints;
    ProtocolHierarchyModel hierarchy;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
};

QString runTshark(const QStringList& args)
{
    QProcess tshark;
    tshark.start(QStringLiteral("tshark"), args);
    if (!tshark.waitForFinished(60000) || tshark.exitCode() != 0) return {};
    return QString::fromUtf8(tshark.readAllStandardOutput());
}

// tshark -z conv,ip rows as "A B frames(B->A) frames(A->B) frames".
QStringList tsharkConversations(const QString& path)
{
    const QString text = runTshark({QStringLiteral("-r"), path, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("conv,ip")});
    static const QRegularExpression row(
        QStringLiteral(R"(^(\S+)\s+<->\s+(\S+)\s+(\d+)\s+\d+\s+\S+\s+(\d+)\s+\d+\s+\S+\s+(\d+)\s)"));
    QStringList rows;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = row.match(line);
        if (m.hasMatch()) rows << QStringList{m.captured(1), m.captured(2), m.captured(3), m.captured(4), m.captured(5)}.join(QLatin1Char(' '));
    }
    return rows;
}

struct Span {
    double start = 1e300, stop = -1e300;
};

// tshark -z conv,ip: each address's earliest "Rel Start" and latest Rel Start + Duration,
// which is when that endpoint was first and last seen.
QMap<QString, Span> tsharkAddressSpans(const QString& path)
{
    const QString text =
        runTshark({QStringLiteral("-r"), path, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("conv,ip")});
    static const QRegularExpression row(QStringLiteral(R"(^(\S+)\s+<->\s+(\S+)\s.*\s(-?\d+\.\d+)\s+(\d+\.\d+)\s*$)"));
    QMap<QString, Span> spans;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = row.match(line);
        if (!m.hasMatch()) continue;
        const double start = m.captured(3).toDouble(), stop = start + m.captured(4).toDouble();
        for (const QString& address : {m.captured(1), m.captured(2)}) {
            Span& s = spans[address];
            s.start = std::min(s.start, start);
            s.stop = std::max(s.stop, stop);
        }
    }
    return spans;
}

QStringList modelConversations(StatTableModel* model)
{
    QStringList rows;
    for (int r = 0; r < model->rowCount(); ++r) {
        const auto cell = [&](int column) { return model->index(r, column).data().toString(); };
        rows << QStringList{cell(ConversationModel::AddressA), cell(ConversationModel::AddressB),
                            cell(ConversationModel::PacketsBToA), cell(ConversationModel::PacketsAToB),
                            cell(ConversationModel::Packets)}
                    .join(QLatin1Char(' '));
    }
    return rows;
}

// Each protocol path ("eth/ip/tcp") with its packet count.
void collectHierarchy(const QAbstractItemModel& model, const QModelIndex& parent, const QString& path,
                      QMap<QString, QString>& out)
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex name = model.index(r, ProtocolHierarchyModel::Protocol, parent);
        const QString here = path.isEmpty() ? name.data().toString() : path + QLatin1Char('/') + name.data().toString();
        out[here] = model.index(r, ProtocolHierarchyModel::Packets, parent).data().toString();
        collectHierarchy(model, name, here, out);
    }
}

// tshark -z io,phs as the same paths.
QMap<QString, QString> tsharkHierarchy(const QString& path)
{
    const QString text = runTshark({QStringLiteral("-r"), path, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("io,phs")});
    static const QRegularExpression row(QStringLiteral(R"(^(\s*)(\S+)\s+frames:(\d+)\s+bytes:\d+)"));
    QMap<QString, QString> paths;
    QStringList stack;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = row.match(line);
        if (!m.hasMatch()) continue;
        const qsizetype depth = m.captured(1).size() / 2;
        while (stack.size() > depth) stack.removeLast();
        stack << m.captured(2);
        paths[stack.join(QLatin1Char('/'))] = m.captured(3);
    }
    return paths;
}
}  // namespace

class TestStatisticsModels : public QObject {
    Q_OBJECT
private slots:
    void modelsFollowAFileAsItLoads();
    void modelsFollowALiveCapture();
};

void TestStatisticsModels::modelsFollowAFileAsItLoads()
{
    CaptureController controller([] { return makeDissectorDecoder(); });
    StatisticsFeed* feed = controller.statisticsFeed();
    WatchedModels models(feed);
    feed->setEnabled(true);
    QTimer refresher;  // far more often than the dialogs' once a second, to stress the models
    QObject::connect(&refresher, &QTimer::timeout, [&] { models.refresh(); });
    refresher.start(2);
    QSignalSpy loaded(&controller, &CaptureController::loadFinished);
    QString error;
    QVERIFY2(controller.openFile(samplePath, error), qPrintable(error));
    QVERIFY(loaded.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(feed->caughtUp(), 20000);
    refresher.stop();
    models.refresh();
    QCOMPARE(feed->statistics().frames(), std::uint64_t{1478});

    const QStringList expected = tsharkConversations(samplePath);
    RCVMON_REQUIRE(!expected.isEmpty(), rcvmon::test::toolWhat("tshark"));
    QStringList actual = modelConversations(models.conversation(StatKind::Ipv4));
    QStringList sortedExpected = expected;
    actual.sort();
    sortedExpected.sort();
    QCOMPARE(actual, sortedExpected);

    // Endpoints: first seen and duration, as the conversations that hold each address say.
    StatTableModel* endpoints = models.endpoints[statKindIndex(StatKind::Ipv4)].get();
    QCOMPARE(endpoints->headerData(EndpointModel::RelStart, Qt::Horizontal).toString(), QStringLiteral("Rel Start"));
    QCOMPARE(endpoints->headerData(EndpointModel::Duration, Qt::Horizontal).toString(), QStringLiteral("Duration"));
    const QMap<QString, Span> spans = tsharkAddressSpans(samplePath);
    QCOMPARE(endpoints->rowCount(), static_cast<int>(spans.size()));
    for (int r = 0; r < endpoints->rowCount(); ++r) {
        const QString address = endpoints->index(r, EndpointModel::Address).data().toString();
        QVERIFY2(spans.contains(address), qPrintable(address));
        const double start = endpoints->index(r, EndpointModel::RelStart).data(StatTableModel::SortRole).toDouble();
        const double duration = endpoints->index(r, EndpointModel::Duration).data(StatTableModel::SortRole).toDouble();
        QVERIFY2(std::abs(start - spans[address].start) <= 1e-9, qPrintable(address));  // tshark prints 9 decimals
        QVERIFY2(std::abs(start + duration - spans[address].stop) <= 0.6e-4, qPrintable(address));  // and 4
        QCOMPARE(endpoints->index(r, EndpointModel::RelStart).data().toString(), QString::number(start, 'f', 6));
        QCOMPARE(endpoints->index(r, EndpointModel::Duration).data().toString(), QString::number(duration, 'f', 4));
    }

    // Every protocol path RcvMon shows, tshark shows with the same packet count (tshark also
    // names protocols RcvMon does not dissect, such as TLS inside TCP).
    QMap<QString, QString> hierarchy;
    collectHierarchy(models.hierarchy, {}, {}, hierarchy);
    const QMap<QString, QString> reference = tsharkHierarchy(samplePath);
    QCOMPARE(hierarchy.value(QStringLiteral("eth/ip/tcp")), reference.value(QStringLiteral("eth/ip/tcp")));
    for (auto it = hierarchy.cbegin(); it != hierarchy.cend(); ++it)
        QVERIFY2(reference.value(it.key()) == it.value(), qPrintable(it.key() + QLatin1Char(' ') + it.value()));

    // Opening the file again starts the statistics over: the models reset, never go stale.
    QSignalSpy reset(models.conversation(StatKind::Ipv4), &QAbstractItemModel::modelReset);
    QVERIFY(controller.openFile(samplePath, error));
    QVERIFY(reset.count() >= 1);
    QVERIFY(loaded.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(feed->caughtUp(), 20000);
    models.refresh();
    actual = modelConversations(models.conversation(StatKind::Ipv4));
    actual.sort();
    QCOMPARE(actual, sortedExpected);
}

void TestStatisticsModels::modelsFollowALiveCapture()
{
    CaptureController controller([] { return makeDissectorDecoder(); });
    StatisticsFeed* feed = controller.statisticsFeed();
    WatchedModels models(feed);
    FakeCaptureSource::Shared shared;
    QString error;
    QVERIFY(controller.startCapture(std::make_unique<FakeCaptureSource>("fake0", CaptureMode::IpLevel, shared), error));
    feed->setEnabled(true);
    QTimer refresher;
    QObject::connect(&refresher, &QTimer::timeout, [&] { models.refresh(); });
    refresher.start(20);
    StatTableModel* udp = models.endpoints[statKindIndex(StatKind::Udp)].get();
    QTRY_VERIFY_WITH_TIMEOUT(udp->rowCount() == 2 && udp->index(0, EndpointModel::Packets).data().toULongLong() > 500, 10000);
    controller.stop();
    QTRY_VERIFY_WITH_TIMEOUT(feed->caughtUp(), 10000);
    refresher.stop();
    models.refresh();
    // Every frame of the fake source goes 198.18.0.1:12345 -> 198.18.0.2:53.
    StatTableModel* conv = models.conversation(StatKind::Udp);
    QCOMPARE(conv->rowCount(), 1);
    const quint64 frames = feed->statistics().frames();
    QCOMPARE(conv->index(0, ConversationModel::PacketsAToB).data().toULongLong(), frames);
    QCOMPARE(conv->index(0, ConversationModel::PacketsBToA).data().toULongLong(), quint64{0});
    QCOMPARE(conv->index(0, 0).data(StatTableModel::FilterRole).toString(),
             QStringLiteral("ip.addr==198.18.0.1 && udp.port==12345 && ip.addr==198.18.0.2 && udp.port==53"));
    QCOMPARE(frames, controller.counters().captured);
    QMap<QString, QString> hierarchy;
    collectHierarchy(models.hierarchy, {}, {}, hierarchy);
    QCOMPARE(hierarchy.value(QStringLiteral("eth/ip/udp")), QString::number(frames));
}

RCVMON_QTEST_MAIN(TestStatisticsModels)
#include "tst_statistics_models.moc"
