// SPDX-License-Identifier: GPL-2.0-or-later
#include "hex_view.h"
#include "qtest_main.h"

#include <QSignalSpy>
#include <QTest>

using namespace rcvmon;

class TestHexView : public QObject {
    Q_OBJECT
private slots:
    void clickReportsTheByteUnderTheMouse();
    void highlightScrollsIntoView();
};

static QByteArray bytes(int n)
{
    QByteArray b;
    for (int i = 0; i < n; ++i) b.append(static_cast<char>(i));
    return b;
}

void TestHexView::clickReportsTheByteUnderTheMouse()
{
    HexView view;
    view.resize(700, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setBytes(bytes(100));
    QSignalSpy clicked(&view, &HexView::byteClicked);
    for (int offset : {0, 7, 8, 15, 16, 42, 99}) {
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.hexRect(offset).center());
        QCOMPARE(clicked.last().at(0).toInt(), offset);
    }
    // The gap between the offset column and the first byte is no byte.
    const int before = static_cast<int>(clicked.size());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(2, view.hexRect(0).center().y()));
    QCOMPARE(clicked.size(), before);
    QCOMPARE(view.byteAt(view.hexRect(100 - 1).center() + QPoint(0, view.hexRect(0).height())), -1);
}

void TestHexView::highlightScrollsIntoView()
{
    HexView view;
    view.resize(700, 120);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setBytes(bytes(1500));
    view.setHighlight(1400, 4);
    QCOMPARE(view.highlightOffset(), 1400);
    QCOMPARE(view.highlightLength(), 4);
    const QRect r = view.hexRect(1400);
    QVERIFY(r.top() >= 0 && r.bottom() <= view.viewport()->height());
    QCOMPARE(view.byteAt(r.center()), 1400);
    view.setBytes(bytes(10));
    QCOMPARE(view.highlightLength(), 0);
}

RCVMON_QTEST_MAIN(TestHexView)
#include "tst_hex_view.moc"
