// SPDX-License-Identifier: GPL-2.0-or-later
// Time differences in the models for frames centuries apart (a damaged file's clock): the
// relative time column, a flow's current rate and a process's average rate stay exact and
// positive where int64 nanoseconds would wrap.
#include "flow_traffic.h"
#include "packet_store_view.h"
#include "process_test_flows.h"
#include "process_traffic.h"
#include "qtest_main.h"
#include "time_format.h"

#include <QTest>

#include <vector>

using namespace rcvmon;

namespace {

constexpr std::int64_t kYear = 31'556'952;
// 530 years: 1.67e19 ns, beyond int64 (9.2e18).
constexpr std::int64_t kCenturies = 530 * kYear;

// Frames at chosen timestamps, one flow's bytes each.
class StampedStore : public PacketStoreView {
public:
    void append(const std::vector<std::uint8_t>& bytes, Direction direction, Timestamp ts)
    {
        m_entries.push_back({bytes, direction, ts});
    }
    std::uint64_t firstNumber() const override { return 1; }
    std::uint64_t endNumber() const override { return m_entries.size() + 1; }
    bool meta(std::uint64_t, PacketMeta&) const override { return false; }
    bool frame(std::uint64_t number, FrameRef& out) override
    {
        const Entry& e = m_entries.at(number - 1);
        out = FrameRef{};
        out.ts = e.ts;
        out.capturedLength = out.originalLength = static_cast<std::uint32_t>(e.bytes.size());
        out.linkType = link_type::Ethernet;
        out.direction = e.direction;
        out.data = ByteSpan(e.bytes);
        return true;
    }
    const std::string& error() const override { return m_error; }

private:
    struct Entry {
        std::vector<std::uint8_t> bytes;
        Direction direction;
        Timestamp ts;
    };
    std::vector<Entry> m_entries;
    std::string m_error;
};

}  // namespace

class TestTimeOverflow : public QObject {
    Q_OBJECT
private slots:
    void relativeTimeCenturiesApart();
    void relativeTimeAtTheInt64Extremes();
    void flowRateCenturiesApart();
    void processAverageCenturiesApart();
};

void TestTimeOverflow::relativeTimeCenturiesApart()
{
    const QString expected = QString::number(kCenturies) + QStringLiteral(".000000250");
    QCOMPARE(formatSince({kCenturies, 250}, {0, 0}), expected);
    QCOMPARE(formatSince({0, 0}, {kCenturies, 250}), QStringLiteral("-") + expected);
}

void TestTimeOverflow::relativeTimeAtTheInt64Extremes()
{
    // 2^64 - 1 seconds apart: exact, in unsigned 64-bit seconds.
    QCOMPARE(formatSince({INT64_MAX, 0}, {INT64_MIN, 0}), QStringLiteral("18446744073709551615.000000000"));
    QCOMPARE(formatSince({INT64_MIN, 0}, {INT64_MAX, 0}), QStringLiteral("-18446744073709551615.000000000"));
}

// Three frames of one flow: at 0, 1 s, and 530 years later. The rate over the whole span
// is tiny and positive (int64 nanoseconds would wrap to a negative span: a rate of 0).
void TestTimeOverflow::flowRateCenturiesApart()
{
    const test::TestFlow flow = test::testFlows().front();
    StampedStore store;
    FlowTraffic traffic;
    traffic.setEnabled(true);
    traffic.setStore(&store);
    store.append(flow.frame.bytes, Direction::Outgoing, {0, 0});
    store.append(flow.frame.bytes, Direction::Outgoing, {1, 0});
    traffic.finish();
    traffic.markRates();
    const double bits = 8.0 * static_cast<double>(flow.frame.bytes.size());
    QCOMPARE(traffic.flows().size(), std::size_t(1));
    QCOMPARE(traffic.flows().begin()->second.bitsPerSecondOut, 2 * bits);

    store.append(flow.frame.bytes, Direction::Outgoing, {kCenturies + 1, 0});
    traffic.finish();
    traffic.markRates();
    const double rate = traffic.flows().begin()->second.bitsPerSecondOut;
    QVERIFY2(rate > 0, qPrintable(QString::number(rate)));
    QVERIFY(qFuzzyCompare(rate, bits / static_cast<double>(kCenturies)));
    traffic.setStore(nullptr);
}

void TestTimeOverflow::processAverageCenturiesApart()
{
    ProcessTraffic::Row row;
    row.bytesIn = 1'000'000;
    row.first = {0, 0};
    row.last = {kCenturies, 0};
    QVERIFY(qFuzzyCompare(row.averageBitsPerSecondIn(), 8e6 / static_cast<double>(kCenturies)));
    row.first = {INT64_MIN, 0};
    row.last = {INT64_MAX, 0};
    QVERIFY(row.averageBitsPerSecondIn() > 0);
    QVERIFY(row.averageBitsPerSecondIn() < 1e-12);
}

RCVMON_QTEST_GUILESS_MAIN(TestTimeOverflow)
#include "tst_time_overflow.moc"
