// SPDX-License-Identifier: GPL-2.0-or-later
// Name resolution in the real window: View ▸ Name Resolution's switches change the packet
// table's Source, Destination and Info text, captured DNS answers name addresses in rows
// before them (Wireshark's two passes), the switches are saved, the external resolver works
// through an injected lookup (never the network), and Statistics ▸ Resolved Addresses lists
// what was resolved (its screenshot is kept in <build>/screenshots/).
#include "capture_controller.h"
#include "main_window.h"
#include "name_resolution.h"
#include "packet_builder.h"
#include "packet_table_model.h"
#include "resolved_addresses_dialog.h"
#include "qtest_main.h"
#include "screenshot.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

constexpr Mac kDell{0xd4, 0xae, 0x52, 0xd3, 0x77, 0x26};
constexpr Mac kBroadcast{0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
constexpr Ip4 kServer{198, 18, 7, 7};
constexpr Ip4 kClient{198, 18, 0, 1};
constexpr Ip4 kResolverAddress{198, 18, 0, 2};

// A standard query response for edge.example.test with one A record.
Bytes dnsAnswer()
{
    Bytes b;
    put16(b, 0x4242);
    put16(b, 0x8180);
    put16(b, 1);
    put16(b, 1);
    put16(b, 0);
    put16(b, 0);
    append(b, dnsName("edge.example.test"));
    put16(b, 1);
    put16(b, 1);
    put16(b, 0xc00c);
    put16(b, 1);
    put16(b, 1);
    put32(b, 60);
    put16(b, 4);
    append(b, kServer);
    return b;
}

Bytes arpRequest()
{
    Bytes b;
    put16(b, 1);
    put16(b, 0x0800);
    put8(b, 6);
    put8(b, 4);
    put16(b, 1);
    append(b, kDell);
    append(b, kServer);
    append(b, Mac{});
    append(b, kClient);
    return b;
}

// A pcap file: the server's segment comes before the DNS answer that names it.
bool writeCapture(const QString& path)
{
    const std::vector<Bytes> frames = {
        ethernet(0x0800, ipv4(6, tcp(443, 40001, 1, 1, 0x12), kServer, kClient), kMacA, kDell),
        ethernet(0x0806, arpRequest(), kBroadcast, kDell),
        ethernet(0x0800, ipv4(17, udp(53, 40000, dnsAnswer()), kResolverAddress, kClient), kMacA, kMacB),
        ethernet(0x0800, ipv4(6, tcp(40001, 443, 1, 2, 0x10), kClient, kServer), kDell, kMacA),
    };
    Bytes file;
    auto le32 = [&](std::uint32_t v) { for (int i = 0; i < 4; ++i) put8(file, (v >> (8 * i)) & 0xff); };
    auto le16 = [&](std::uint32_t v) { put8(file, v & 0xff); put8(file, v >> 8); };
    le32(0xa1b2c3d4);
    le16(2);
    le16(4);
    le32(0);
    le32(0);
    le32(65535);
    le32(1);
    std::uint32_t second = 1700000000;
    for (const Bytes& f : frames) {
        le32(second++);
        le32(0);
        le32(std::uint32_t(f.size()));
        le32(std::uint32_t(f.size()));
        append(file, f);
    }
    QFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(reinterpret_cast<const char*>(file.data()), qint64(file.size())) == qint64(file.size());
}

QString cell(MainWindow& window, int row, int column)
{
    const QAbstractItemModel* model = window.packetTable()->model();
    return model->data(model->index(row, column)).toString();
}

QAction* action(MainWindow& window, const char* name)
{
    auto* a = window.findChild<QAction*>(QString::fromLatin1(name));
    if (!a) qWarning("no action %s", name);
    return a;
}

}  // namespace

class TestNameResolutionWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void switchesChangeTheShownNames();
    void switchesAreSavedInTheSettings();
    void externalResolverAnswersLaterWithoutBlocking();
    void resolvedAddressesDialogListsWhatWasResolved();

private:
    bool open(MainWindow& window);
    QTemporaryDir m_dir;
    QString m_capture;
};

void TestNameResolutionWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    // Each slot runs as its own process (one ctest entry per slot), in parallel: own settings.
    QCoreApplication::setApplicationName(QStringLiteral("tst_name_resolution-%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(m_dir.isValid());
    m_capture = m_dir.filePath(QStringLiteral("names.pcap"));
    QVERIFY(writeCapture(m_capture));
}

void TestNameResolutionWindow::init()
{
    QSettings().clear();
}

bool TestNameResolutionWindow::open(MainWindow& window)
{
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    if (!window.openFile(m_capture)) return false;
    if (loaded.isEmpty() && !loaded.wait(20000)) return false;
    return window.packetTable()->model()->rowCount() == 4;
}

void TestNameResolutionWindow::switchesChangeTheShownNames()
{
    MainWindow window(CaptureBackend{});
    window.resize(1200, 600);
    window.show();
    QAbstractItemModelTester tester(window.controller()->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(open(window));
    using C = PacketTableModel;

    // Wireshark's defaults: MAC names on, network and transport names off.
    QVERIFY(action(window, "actionResolvePhysical")->isChecked());
    QVERIFY(!action(window, "actionResolveNetwork")->isChecked());
    QVERIFY(action(window, "actionUseCapturedDns")->isChecked());
    QCOMPARE(cell(window, 1, C::Destination), QStringLiteral("Broadcast"));
    if (window.nameResolution()->resolver().macNames().vendorCount() > 0)
        QCOMPARE(cell(window, 1, C::Source), QStringLiteral("Dell_d3:77:26"));
    QCOMPARE(cell(window, 0, C::Source), QStringLiteral("198.18.7.7"));
    QVERIFY(cell(window, 0, C::Info).startsWith(QStringLiteral("443 \u2192 40001")));

    // Network names: the answer in frame 3 names the server in frame 1 too.
    action(window, "actionResolveNetwork")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, C::Source), QStringLiteral("edge.example.test"), 20000);
    QCOMPARE(cell(window, 3, C::Destination), QStringLiteral("edge.example.test"));
    QCOMPARE(cell(window, 0, C::Destination), QStringLiteral("198.18.0.1"));  // never answered

    // Transport names in Info.
    action(window, "actionResolveTransport")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(cell(window, 0, C::Info).startsWith(QStringLiteral("https(443) \u2192 40001")), 20000);

    // Captured DNS off: the learned name goes; MAC names off: plain addresses.
    action(window, "actionUseCapturedDns")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, C::Source), QStringLiteral("198.18.7.7"), 20000);
    action(window, "actionResolvePhysical")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 1, C::Destination), QStringLiteral("ff:ff:ff:ff:ff:ff"), 20000);
    QCOMPARE(cell(window, 1, C::Source), QStringLiteral("d4:ae:52:d3:77:26"));
}

void TestNameResolutionWindow::switchesAreSavedInTheSettings()
{
    {
        MainWindow window(CaptureBackend{});
        action(window, "actionResolveNetwork")->trigger();
        action(window, "actionResolvePhysical")->trigger();
    }
    QCOMPARE(QSettings().value(QStringLiteral("nameResolution/network")).toBool(), true);
    QCOMPARE(QSettings().value(QStringLiteral("nameResolution/mac")).toBool(), false);
    MainWindow window(CaptureBackend{});
    QVERIFY(action(window, "actionResolveNetwork")->isChecked());
    QVERIFY(!action(window, "actionResolvePhysical")->isChecked());
    QVERIFY(window.nameResolution()->resolver().flags().network);
    QVERIFY(!window.nameResolution()->resolver().flags().mac);
    QVERIFY(open(window));
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, PacketTableModel::Source), QStringLiteral("edge.example.test"), 20000);
    QCOMPARE(cell(window, 1, PacketTableModel::Destination), QStringLiteral("ff:ff:ff:ff:ff:ff"));
}

void TestNameResolutionWindow::externalResolverAnswersLaterWithoutBlocking()
{
    MainWindow window(CaptureBackend{});
    window.show();
    QVERIFY(open(window));
    // A lookup that answers for the client only, after the GUI has moved on: never the network.
    std::atomic<int> calls{0};
    window.nameResolution()->resolver().setExternalLookup([&calls](const names::IpAddress& a) -> std::optional<std::string> {
        ++calls;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (a.text() == "198.18.0.1") return std::string("client.example.test");
        return std::nullopt;
    });
    QVERIFY(!action(window, "actionUseExternalResolver")->isChecked());
    QCOMPARE(window.nameResolution()->resolver().externalResolver(), nullptr);
    action(window, "actionResolveNetwork")->trigger();
    QCOMPARE(calls.load(), 0);  // off by default: nothing asked

    QElapsedTimer timer;
    timer.start();
    action(window, "actionUseExternalResolver")->trigger();
    window.packetTable()->viewport()->repaint();  // the rows are shown: their addresses are asked
    QVERIFY(timer.elapsed() < 2000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, PacketTableModel::Destination), QStringLiteral("client.example.test"), 20000);
    QCOMPARE(cell(window, 0, PacketTableModel::Source), QStringLiteral("edge.example.test"));  // captured DNS first
    QVERIFY(calls.load() >= 1);
    action(window, "actionResolvedAddresses")->trigger();
    auto* dialog = window.findChild<ResolvedAddressesDialog*>();
    QVERIFY(dialog);
    const auto external = dialog->hosts()->findItems(QStringLiteral("client.example.test"), Qt::MatchExactly);
    QCOMPARE(external.size(), 1);
    QCOMPARE(dialog->hosts()->item(external[0]->row(), 2)->text(), QStringLiteral("external resolver"));
    action(window, "actionUseExternalResolver")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, PacketTableModel::Destination), QStringLiteral("198.18.0.1"), 20000);
    QCOMPARE(window.nameResolution()->resolver().externalResolver(), nullptr);
}

void TestNameResolutionWindow::resolvedAddressesDialogListsWhatWasResolved()
{
    MainWindow window(CaptureBackend{});
    window.resize(1200, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(open(window));
    action(window, "actionResolveNetwork")->trigger();
    action(window, "actionResolveTransport")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, PacketTableModel::Source), QStringLiteral("edge.example.test"), 20000);
    cell(window, 1, PacketTableModel::Destination);  // the ARP row's Broadcast
    cell(window, 0, PacketTableModel::Info);         // https(443)

    action(window, "actionResolvedAddresses")->trigger();
    auto* dialog = window.findChild<ResolvedAddressesDialog*>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTableWidget* hosts = dialog->hosts();
    QCOMPARE(hosts->rowCount(), 1);
    QCOMPARE(hosts->item(0, 0)->text(), QStringLiteral("198.18.7.7"));
    QCOMPARE(hosts->item(0, 1)->text(), QStringLiteral("edge.example.test"));
    QList<QTableWidgetItem*> broadcast = dialog->macs()->findItems(QStringLiteral("Broadcast"), Qt::MatchExactly);
    QCOMPARE(broadcast.size(), 1);
    QVERIFY(!dialog->ports()->findItems(QStringLiteral("https"), Qt::MatchExactly).isEmpty());

    // A screenshot for a reviewer, of the tab with the hosts, checked not to be blank.
    dialog->tabs()->setCurrentIndex(0);
    saveScreenshot(dialog, QStringLiteral("resolved_addresses.png"), 6);
}

RCVMON_QTEST_MAIN(TestNameResolutionWindow)
#include "tst_name_resolution_window.moc"
