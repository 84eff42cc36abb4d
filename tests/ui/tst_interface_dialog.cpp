// SPDX-License-Identifier: GPL-2.0-or-later
#include "interface_dialog.h"
#include "qtest_main.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTest>
#include <QTreeWidget>

using namespace rcvmon;

class TestInterfaceDialog : public QObject {
    Q_OBJECT
private slots:
    void listsInterfacesWithAddressesAndState();
};

void TestInterfaceDialog::listsInterfacesWithAddressesAndState()
{
    NetworkInterface lo{"lo", 1, {"127.0.0.1/8", "::1/128"}, true, true, true, false, "", ""};
    NetworkInterface eth{"eth0", 2, {"198.18.0.10/24"}, true, true, false, true, "02:00:5e:10:00:0a", ""};
    NetworkInterface down{"veth9", 9, {}, false, false, false, false, "02:00:00:00:00:09", ""};
    InterfaceDialog dialog({lo, eth, down}, QStringLiteral("eth0"), CaptureMode::On, QStringLiteral("udp"));
    auto* list = dialog.findChild<QTreeWidget*>();
    QCOMPARE(list->topLevelItemCount(), 3);
    QCOMPARE(list->topLevelItem(1)->text(1), QStringLiteral("198.18.0.10/24"));
    QCOMPARE(list->topLevelItem(1)->text(2), QStringLiteral("up, running, promiscuous"));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("127.0.0.1/8, ::1/128"));
    QCOMPARE(list->topLevelItem(2)->text(2), QStringLiteral("down"));
    QCOMPARE(dialog.interfaceName(), QStringLiteral("eth0"));
    QCOMPARE(dialog.mode(), CaptureMode::On);
    QCOMPARE(dialog.filter(), QStringLiteral("udp"));
    list->setCurrentItem(list->topLevelItem(2));
    dialog.findChild<QComboBox*>()->setCurrentIndex(1);
    dialog.findChild<QLineEdit*>()->setText(QStringLiteral("  tcp port 443 "));
    QCOMPARE(dialog.interfaceName(), QStringLiteral("veth9"));
    QCOMPARE(dialog.mode(), CaptureMode::IpLevel);
    QCOMPARE(dialog.filter(), QStringLiteral("tcp port 443"));
}

RCVMON_QTEST_MAIN(TestInterfaceDialog)
#include "tst_interface_dialog.moc"
