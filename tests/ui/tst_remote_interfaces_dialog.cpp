// SPDX-License-Identifier: GPL-2.0-or-later
// Several interfaces and remote ones in the window's dialogs: the interface dialog selects
// several (and keeps remote ones), Capture ▸ Remote Interfaces… builds ssh:// names and
// reads both interface listings it asks a host for.
#include "interface_dialog.h"
#include "qtest_main.h"
#include "remote_interfaces_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace rcvmon;

class TestRemoteInterfacesDialog : public QObject {
    Q_OBJECT
private slots:
    void interfaceDialogSelectsSeveralAndKeepsRemoteOnes();
    void remoteDialogBuildsTheSshInterfaceName();
    void readsRcvmonAndIpLinkListings();
};

void TestRemoteInterfacesDialog::interfaceDialogSelectsSeveralAndKeepsRemoteOnes()
{
    NetworkInterface lo{"lo", 1, {"127.0.0.1/8"}, true, true, true, false, "", ""};
    NetworkInterface eth{"eth0", 2, {"198.18.0.10/24"}, true, true, false, false, "02:00:5e:10:00:0a", ""};
    NetworkInterface wlan{"wlan0", 3, {"198.18.5.10/24"}, true, true, false, false, "02:00:5e:10:00:0b", ""};
    InterfaceDialog dialog({lo, eth, wlan}, QStringLiteral("wlan0, ssh://me@host/eth1, eth0"), CaptureMode::On, QString());
    auto* list = dialog.findChild<QTreeWidget*>();
    QCOMPARE(list->topLevelItemCount(), 4);
    QCOMPARE(list->topLevelItem(3)->text(0), QStringLiteral("ssh://me@host/eth1"));
    // In the list's order: local interfaces first, then the remote one.
    QCOMPARE(dialog.interfaceName(), QStringLiteral("eth0, wlan0, ssh://me@host/eth1"));
    list->topLevelItem(3)->setSelected(false);
    list->topLevelItem(1)->setSelected(false);
    QCOMPARE(dialog.interfaceName(), QStringLiteral("wlan0"));
}

void TestRemoteInterfacesDialog::remoteDialogBuildsTheSshInterfaceName()
{
    RemoteInterfacesDialog dialog(QStringLiteral("eth0"), CaptureMode::IpLevel);
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    auto edits = dialog.findChildren<QLineEdit*>();
    QCOMPARE(edits.size(), 2);
    QLineEdit* host = edits[0];
    QLineEdit* iface = edits[1];
    QVERIFY(!ok->isEnabled());
    host->setText(QStringLiteral("root@198.18.1.2:2222"));
    QVERIFY(!ok->isEnabled());  // no interface yet
    iface->setText(QStringLiteral("eth1"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.interfaceName(), QStringLiteral("eth0, ssh://root@198.18.1.2:2222/eth1"));
    dialog.findChild<QCheckBox*>()->setChecked(false);
    QCOMPARE(dialog.interfaceName(), QStringLiteral("ssh://root@198.18.1.2:2222/eth1"));
    dialog.findChild<QComboBox*>()->setCurrentIndex(0);
    QCOMPARE(dialog.mode(), CaptureMode::On);
    host->setText(QStringLiteral("root@-oProxyCommand=x"));  // never handed to ssh as an option
    QVERIFY(!ok->isEnabled());
}

void TestRemoteInterfacesDialog::readsRcvmonAndIpLinkListings()
{
    const QString rcvmon = QStringLiteral("1. lo (127.0.0.1/8) [up, running, loopback]\n"
                                          "2. eth0 (198.18.0.10/24, fe80::1/64) [up, running]\n");
    QCOMPARE(RemoteInterfacesDialog::parseInterfaceList(rcvmon), (QStringList{QStringLiteral("lo"), QStringLiteral("eth0")}));
    const QString ipLink = QStringLiteral(
        "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00\n"
        "7: r-lan@if6: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP\\    link/ether 02:11:22:33:44:55\n");
    QCOMPARE(RemoteInterfacesDialog::parseInterfaceList(ipLink), (QStringList{QStringLiteral("lo"), QStringLiteral("r-lan")}));
    QVERIFY(RemoteInterfacesDialog::parseInterfaceList(QStringLiteral("ssh: connect to host x port 22: refused")).isEmpty());
}

RCVMON_QTEST_MAIN(TestRemoteInterfacesDialog)
#include "tst_remote_interfaces_dialog.moc"
