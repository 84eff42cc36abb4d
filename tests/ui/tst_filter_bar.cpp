// SPDX-License-Identifier: GPL-2.0-or-later
// The display filter bar on its own: colours, error text with its column, completion of
// the name at the cursor, Enter applies only valid text, recent filters in QSettings.
#include "filter_bar.h"
#include "qtest_main.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace rcvmon;

namespace {
QColor base(const FilterBar& bar)
{
    return bar.lineEdit()->palette().color(QPalette::Base);
}

QStringList completions(QCompleter* completer)
{
    QStringList list;
    for (int i = 0; completer->setCurrentRow(i); ++i) list << completer->currentCompletion();
    return list;
}
}  // namespace

class TestFilterBar : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void validTextIsGreenInvalidIsRedWithColumn();
    void enterAppliesOnlyValidText();
    void completesTheNameAtTheCursor();
    void namesAreTheFilterLanguagesOwn();
    void recentFiltersAreKept();
};

void TestFilterBar::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    // Each slot runs as its own process (one ctest entry per slot), in parallel: own settings.
    QCoreApplication::setApplicationName(QStringLiteral("tst_filter_bar-%1").arg(QCoreApplication::applicationPid()));
}

void TestFilterBar::init()
{
    QSettings().clear();
}

void TestFilterBar::validTextIsGreenInvalidIsRedWithColumn()
{
    FilterBar bar;
    QCOMPARE(bar.state(), FilterBar::State::Empty);
    const QColor neutral = base(bar);

    bar.setText(QStringLiteral("tcp.port == 443 && ip.addr == 10.0.0.0/8"));
    QCOMPARE(bar.state(), FilterBar::State::Valid);
    QCOMPARE(base(bar), QColor(0xaf, 0xff, 0xaf));
    QVERIFY(bar.errorText().isEmpty());

    bar.setText(QStringLiteral("ip.src == 1.2.3.4 && tcp.prot == 80"));
    QCOMPARE(bar.state(), FilterBar::State::Invalid);
    QCOMPARE(base(bar), QColor(0xff, 0xaf, 0xaf));
    QVERIFY2(bar.errorText().contains(QStringLiteral("tcp.prot")), qPrintable(bar.errorText()));
    QVERIFY2(bar.errorText().contains(QStringLiteral("column 22")), qPrintable(bar.errorText()));
    auto* error = bar.findChild<QLabel*>(QStringLiteral("displayFilterError"));
    QVERIFY(error->isVisibleTo(&bar));
    QCOMPARE(bar.lineEdit()->toolTip(), bar.errorText());

    bar.setText(QStringLiteral("udp.port == "));
    QCOMPARE(bar.state(), FilterBar::State::Invalid);
    QVERIFY(!bar.errorText().isEmpty());

    bar.setText(QString());
    QCOMPARE(bar.state(), FilterBar::State::Empty);
    QCOMPARE(base(bar), neutral);
    QVERIFY(!error->isVisibleTo(&bar));
}

void TestFilterBar::enterAppliesOnlyValidText()
{
    FilterBar bar;
    QSignalSpy applied(&bar, &FilterBar::applyRequested);
    bar.setText(QStringLiteral("dns &&"));
    QTest::keyClick(bar.lineEdit(), Qt::Key_Return);
    QCOMPARE(applied.count(), 0);
    bar.setText(QStringLiteral("dns && udp.port == 53"));
    QTest::keyClick(bar.lineEdit(), Qt::Key_Return);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.first().first().toString(), QStringLiteral("dns && udp.port == 53"));
    bar.setText(QString());  // empty: show everything again
    QTest::keyClick(bar.lineEdit(), Qt::Key_Return);
    QCOMPARE(applied.count(), 2);
    QCOMPARE(applied.last().first().toString(), QString());
}

void TestFilterBar::completesTheNameAtTheCursor()
{
    FilterBar bar;
    bar.resize(600, 30);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QLineEdit* edit = bar.lineEdit();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("tcp.sr"));
    QCOMPARE(bar.completer()->completionPrefix(), QStringLiteral("tcp.sr"));
    QCOMPARE(completions(bar.completer()), QStringList{QStringLiteral("tcp.srcport")});
    QVERIFY(bar.completer()->popup()->isVisible());
    emit bar.completer()->activated(QStringLiteral("tcp.srcport"));
    QCOMPARE(edit->text(), QStringLiteral("tcp.srcport"));

    // Only the name being typed is completed, not the whole line.
    QTest::keyClicks(edit, QStringLiteral(" == 80 && ud"));
    QCOMPARE(bar.completer()->completionPrefix(), QStringLiteral("ud"));
    const QStringList udp = completions(bar.completer());
    QVERIFY(udp.contains(QStringLiteral("udp")));
    QVERIFY(udp.contains(QStringLiteral("udp.port")));
    QVERIFY(udp.contains(QStringLiteral("udp.dstport")));
    emit bar.completer()->activated(QStringLiteral("udp.port"));
    QCOMPARE(edit->text(), QStringLiteral("tcp.srcport == 80 && udp.port"));
    QCOMPARE(bar.state(), FilterBar::State::Valid);

    // Return on a completion in the popup inserts it; only the next Return applies.
    QSignalSpy applied(&bar, &FilterBar::applyRequested);
    QTest::keyClicks(edit, QStringLiteral(" && dns.qry.na"));
    QVERIFY(bar.completer()->popup()->isVisible());
    QTest::keyClick(bar.completer()->popup(), Qt::Key_Down);
    QTest::keyClick(bar.completer()->popup(), Qt::Key_Return);
    QCOMPARE(edit->text(), QStringLiteral("tcp.srcport == 80 && udp.port && dns.qry.name"));
    QCOMPARE(applied.count(), 0);
    QTest::qWait(20);  // the user's next keystroke comes after the event loop ran
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(applied.count(), 1);

    // Numbers and addresses are not names: no popup for them.
    bar.completer()->popup()->hide();
    QTest::keyClicks(edit, QStringLiteral(" == 5"));
    QVERIFY(!bar.completer()->popup()->isVisible());
}

void TestFilterBar::namesAreTheFilterLanguagesOwn()
{
    const QStringList names = displayFilterNames();
    for (const char* name : {"tcp", "dns", "ip.addr", "ipv6.addr", "eth.addr", "tcp.port", "dns.qry.name", "frame.len", "tls", "http"})
        QVERIFY2(names.contains(QLatin1String(name)), name);
    QVERIFY(!names.contains(QStringLiteral("_ws.col.Info")));  // tshark 4.0 refuses to filter on columns
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
}

void TestFilterBar::recentFiltersAreKept()
{
    {
        FilterBar bar;
        for (int i = 0; i < FilterBar::MaxRecent + 5; ++i) {
            bar.setText(QStringLiteral("frame.number == %1").arg(i));
            QVERIFY(bar.apply());
        }
        bar.setText(QStringLiteral("frame.number == 7"));  // applied again: moves to the top
        QVERIFY(bar.apply());
        bar.setText(QStringLiteral("tcp &&"));
        QVERIFY(!bar.apply());  // invalid text is not remembered
    }
    FilterBar again;  // read back from QSettings
    const QStringList recent = again.recentFilters();
    QCOMPARE(recent.size(), FilterBar::MaxRecent);
    QCOMPARE(recent.first(), QStringLiteral("frame.number == 7"));
    QCOMPARE(recent.at(1), QStringLiteral("frame.number == 24"));
    QCOMPARE(recent.count(QStringLiteral("frame.number == 7")), 1);
}

RCVMON_QTEST_MAIN(TestFilterBar)
#include "tst_filter_bar.moc"
