// SPDX-License-Identifier: GPL-2.0-or-later
// Colouring rules in the packet table: the colours of the first matching rule on real
// (hand-built) frames through the real dissector, the model still sound with colouring on,
// and only the rows a view paints evaluated.
#include "../capture/dissect/packet_builder.h"
#include "dissector_decoder.h"
#include "packet_colorizer.h"
#include "packet_store_view.h"
#include "packet_table_model.h"
#include "qtest_main.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

// `count` frames cycling through a few real ones: 1 TCP RST, 2 ARP, 3 UDP, 4 TCP ACK, 5 ICMP.
class PatternStore : public PacketStoreView {
public:
    explicit PatternStore(std::uint64_t count) : m_count(count)
    {
        const Ip4 a{198, 18, 0, 1}, b{198, 18, 0, 2};
        m_frames = {
            ethernet(0x0800, ipv4(6, tcp(40000, 443, 1, 1, 0x014), a, b)),
            ethernet(0x0806, arp(1, kMacA, a, Mac{}, b)),
            ethernet(0x0800, ipv4(17, udp(5000, 5001, Bytes{1, 2, 3}), a, b)),
            ethernet(0x0800, ipv4(6, tcp(40000, 443, 1, 1, 0x010), a, b)),
            ethernet(0x0800, ipv4(1, icmpEcho(8, 1, 1), a, b)),
        };
    }
    std::uint64_t firstNumber() const override { return 1; }
    std::uint64_t endNumber() const override { return m_count + 1; }
    bool meta(std::uint64_t number, PacketMeta& out) const override
    {
        if (number < 1 || number > m_count) return false;
        out = PacketMeta{};
        out.number = number;
        out.ts = {1'700'000'000, static_cast<std::uint32_t>(number % 1000) * 1000};
        out.capturedLength = out.originalLength = static_cast<std::uint32_t>(bytes(number).size());
        out.linkType = link_type::Ethernet;
        return true;
    }
    bool frame(std::uint64_t number, FrameRef& out) override
    {
        if (number < 1 || number > m_count) return false;
        out = frameOf(bytes(number));
        ++reads;
        return true;
    }
    const std::string& error() const override { return m_error; }

    std::uint64_t reads = 0;

private:
    const Bytes& bytes(std::uint64_t number) const { return m_frames[(number - 1) % m_frames.size()]; }

    std::uint64_t m_count;
    std::vector<Bytes> m_frames;
    std::string m_error;
};

int defaultRule(const char* name)
{
    const auto& rules = defaultColorFilters();
    for (std::size_t i = 0; i < rules.size(); ++i)
        if (rules[i].name == name) return static_cast<int>(i);
    return -1;
}

QColor backgroundOf(const char* rule)
{
    return toQColor(defaultColorFilters()[static_cast<std::size_t>(defaultRule(rule))].background);
}

QColor cellColor(const QAbstractItemModel& model, int row, int role)
{
    return model.data(model.index(row, PacketTableModel::Info), role).value<QBrush>().color();
}

}  // namespace

class TestPacketColorizer : public QObject {
    Q_OBJECT
private slots:
    void rowsTakeTheFirstMatchingRulesColours();
    void switchingOffAndEditingRulesRepaints();
    void onlyShownRowsAreEvaluated();
    void marksWinOverRules();
};

void TestPacketColorizer::rowsTakeTheFirstMatchingRulesColours()
{
    PatternStore store(10);
    auto decoder = makeDissectorDecoder();
    PacketColorizer colorizer;
    PacketTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setColorizer(&colorizer);
    model.setStore(&store, decoder.get());
    QCOMPARE(model.rowCount(), 10);

    QCOMPARE(cellColor(model, 0, Qt::BackgroundRole), backgroundOf("TCP RST"));
    QCOMPARE(cellColor(model, 0, Qt::ForegroundRole),
             toQColor(defaultColorFilters()[static_cast<std::size_t>(defaultRule("TCP RST"))].foreground));
    QCOMPARE(cellColor(model, 1, Qt::BackgroundRole), backgroundOf("ARP"));
    QCOMPARE(cellColor(model, 2, Qt::BackgroundRole), backgroundOf("UDP"));
    QCOMPARE(cellColor(model, 3, Qt::BackgroundRole), backgroundOf("TCP"));
    QCOMPARE(cellColor(model, 4, Qt::BackgroundRole), backgroundOf("ICMP"));
    QCOMPARE(cellColor(model, 5, Qt::BackgroundRole), backgroundOf("TCP RST"));
    // Every column of a row has the row's colours; the text is still the dissector's.
    QCOMPARE(model.data(model.index(1, PacketTableModel::Number), Qt::BackgroundRole).value<QBrush>().color(),
             backgroundOf("ARP"));
    QCOMPARE(model.data(model.index(1, PacketTableModel::Protocol)).toString(), QStringLiteral("ARP"));
    QCOMPARE(colorizer.ruleFor(store, 1), defaultRule("TCP RST"));
}

void TestPacketColorizer::switchingOffAndEditingRulesRepaints()
{
    PatternStore store(50);
    auto decoder = makeDissectorDecoder();
    PacketColorizer colorizer;
    PacketTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store, decoder.get());
    QVERIFY(!model.data(model.index(0, 0), Qt::BackgroundRole).isValid());  // no colorizer yet
    model.setColorizer(&colorizer);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    colorizer.setEnabled(false);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 49);
    QVERIFY(!model.data(model.index(0, 0), Qt::BackgroundRole).isValid());
    QVERIFY(!model.data(model.index(0, 0), Qt::ForegroundRole).isValid());
    colorizer.setEnabled(true);
    QCOMPARE(cellColor(model, 0, Qt::BackgroundRole), backgroundOf("TCP RST"));

    // A user's rule in front; a disabled one ignored; one that does not compile skipped.
    std::vector<ColorFilter> rules = defaultColorFilters();
    rules.insert(rules.begin(), ColorFilter{"Not compiled", "tcp.nonsense == 1", {1, 1, 1}, {}, false});
    rules.insert(rules.begin(), ColorFilter{"Off", "arp", {2, 2, 2}, {}, true});
    rules.insert(rules.begin(), ColorFilter{"Mine", "udp.dstport == 5001", {0, 65535, 0}, {0, 0, 65535}, false});
    colorizer.setRules(rules);
    QCOMPARE(changed.count(), 3);
    QVERIFY(!colorizer.ruleError(2).isEmpty());
    QVERIFY(colorizer.ruleError(0).isEmpty());
    QCOMPARE(cellColor(model, 2, Qt::BackgroundRole), QColor(0, 255, 0));
    QCOMPARE(cellColor(model, 2, Qt::ForegroundRole), QColor(0, 0, 255));
    QCOMPARE(cellColor(model, 1, Qt::BackgroundRole), backgroundOf("ARP"));
    QCOMPARE(cellColor(model, 3, Qt::BackgroundRole), backgroundOf("TCP"));
}

void TestPacketColorizer::onlyShownRowsAreEvaluated()
{
    PatternStore store(1'000'000);
    auto decoder = makeDissectorDecoder();
    PacketColorizer colorizer;
    PacketTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setColorizer(&colorizer);
    model.setStore(&store, decoder.get());
    QTableView view;
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(20);
    view.resize(800, 600);
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY(colorizer.evaluations() > 0);
    QCoreApplication::processEvents();
    const std::uint64_t shown = colorizer.evaluations();
    QVERIFY2(shown < 200, qPrintable(QString::number(shown)));  // about 30 rows on screen, not a million

    view.scrollToBottom();
    QTRY_VERIFY(colorizer.evaluations() > shown);
    QCoreApplication::processEvents();
    QVERIFY2(colorizer.evaluations() < 2 * 200, qPrintable(QString::number(colorizer.evaluations())));
    const int lastRow = model.rowCount() - 1;
    QCOMPARE(cellColor(model, lastRow, Qt::BackgroundRole), backgroundOf("ICMP"));  // frame 1,000,000 is an ICMP echo

    // Painting again asks the cache, not the dissector.
    const std::uint64_t before = colorizer.evaluations();
    view.viewport()->repaint();
    QCOMPARE(colorizer.evaluations(), before);
}

void TestPacketColorizer::marksWinOverRules()
{
    PatternStore store(5);
    auto decoder = makeDissectorDecoder();
    PacketColorizer colorizer;
    PacketTableModel model;
    model.setColorizer(&colorizer);
    model.setStore(&store, decoder.get());
    model.setMarked(2, true);
    QCOMPARE(cellColor(model, 1, Qt::BackgroundRole), QColor(0x20, 0x20, 0x20));
    QCOMPARE(cellColor(model, 1, Qt::ForegroundRole), QColor(Qt::white));
    QCOMPARE(cellColor(model, 0, Qt::BackgroundRole), backgroundOf("TCP RST"));
}

RCVMON_QTEST_MAIN(TestPacketColorizer)
#include "tst_packet_colorizer.moc"
