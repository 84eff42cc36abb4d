// SPDX-License-Identifier: GPL-2.0-or-later
#include "time_format.h"
#include "qtest_main.h"

#include <QTest>

using namespace rcvmon;

class TestTimeFormat : public QObject {
    Q_OBJECT
private slots:
    void sinceOrigin();
    void namesRoundTrip();
    void absoluteCarriesOversizedFraction();
};

void TestTimeFormat::sinceOrigin()
{
    QCOMPARE(formatSince({10, 500}, {10, 0}), QStringLiteral("0.000000500"));
    QCOMPARE(formatSince({12, 1}, {10, 2}), QStringLiteral("1.999999999"));
    QCOMPARE(formatSince({10, 0}, {11, 0}), QStringLiteral("-1.000000000"));
}

void TestTimeFormat::namesRoundTrip()
{
    for (TimeFormat f : {TimeFormat::Absolute, TimeFormat::Relative, TimeFormat::Delta})
        QCOMPARE(parseTimeFormat(timeFormatName(f), TimeFormat::Relative), f);
    QCOMPARE(parseTimeFormat(QStringLiteral("bogus"), TimeFormat::Delta), TimeFormat::Delta);
}

void TestTimeFormat::absoluteCarriesOversizedFraction()
{
    // tshark prints ts_usec = 1000000 as-is; the clock column must not show second 60.
    const QString a = formatAbsolute({59, 1'000'000'000});
    const QString b = formatAbsolute({60, 0});
    QCOMPARE(a, b);
}

RCVMON_QTEST_GUILESS_MAIN(TestTimeFormat)
#include "tst_time_format.moc"
