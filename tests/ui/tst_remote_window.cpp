// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 13 in the real window (root only): two remote hosts over a real sshd each, plus a local
// interface, merged in one capture. Checks the merge order and interface ids, a per-interface
// mode switch from Capture ▸ Mode that leaves the others running (marked in the list, the
// remote NIC promiscuous only while On), per-interface drops and bandwidth, a killed ssh
// connection shown in the window with its packets kept and the window still capturing, its
// remote NIC out of promiscuous mode, Capture ▸ Restart Lost Interfaces, and no promiscuous NIC
// after stop. Screenshots go to <build>/screenshots/.
#include "capture_backend.h"
#include "capture_controller.h"
#include "interface_bandwidth_chart.h"
#include "interface_members.h"
#include "interface_stats_dialog.h"
#include "live/interface_choice.h"
#include "live/source_merger.h"
#include "main_window.h"
#include "netns_pair.h"
#include "packet_store_view.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "screenshot.h"
#include "ssh_lab.h"
#include "test_frames.h"

#include "live/linux/network_interfaces.h"

#include <QAction>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

constexpr int kTimeoutMs = 60000;

std::string macOf(const std::string& netns, const std::string& device)
{
    ScopedNetns inside(netns);
    std::string error;
    for (const auto& item : listNetworkInterfaces(error))
        if (item.name == device) return item.macAddress;
    return {};
}

struct Seen {
    Kind kind;
    std::uint32_t sequence;
    std::uint32_t interfaceId;
    std::int64_t ns;
};

std::vector<Seen> markedFrames(CaptureController& controller)
{
    std::vector<Seen> out;
    PacketStoreView* view = controller.storeView();
    if (!view) return out;
    FrameRef frame;
    for (std::uint64_t n = view->firstNumber(); n < view->endNumber(); ++n)
        if (view->frame(n, frame))
            if (const auto marker = findMarker(frame.data))
                out.push_back({marker->kind, marker->sequence, frame.interfaceId, frame.ts.totalNanoseconds()});
    return out;
}

std::size_t countOn(const std::vector<Seen>& frames, std::uint32_t interfaceId, Kind kind)
{
    std::size_t n = 0;
    for (const auto& f : frames) n += f.interfaceId == interfaceId && f.kind == kind;
    return n;
}

}  // namespace

class TestRemoteWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void twoRemoteHostsAndALocalInterface();
};

void TestRemoteWindow::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("tst_remote_window-%1").arg(QCoreApplication::applicationPid()));
    QSettings().clear();
}

void TestRemoteWindow::twoRemoteHostsAndALocalInterface()
{
    const std::string why = SshLab::unavailableReason();
    RCVMON_REQUIRE(why.empty(), why);
    SshLab lab(2);
    std::string error;
    QVERIFY2(lab.create(error), error.c_str());

    const Mac remoteMac = parseMac(macOf(lab.remote(), SshLab::RemoteLan));
    const Mac remote2Mac = parseMac(macOf(lab.remote2(), SshLab::RemoteLan));
    const Mac localMac = parseMac(macOf(lab.local(), SshLab::LocalLan));
    const Mac fromSender1 = parseMac(macOf(lab.sender(), SshLab::SenderToRemote));
    const Mac fromSender2 = parseMac(macOf(lab.sender(), SshLab::SenderToRemote2));
    const Mac fromSenderL = parseMac(macOf(lab.sender(), SshLab::SenderToLocal));
    std::unique_ptr<FrameSender> to1, to2, toL;
    {
        ScopedNetns inSender(lab.sender());
        QVERIFY(inSender.ok());
        to1 = std::make_unique<FrameSender>(SshLab::SenderToRemote);
        to2 = std::make_unique<FrameSender>(SshLab::SenderToRemote2);
        toL = std::make_unique<FrameSender>(SshLab::SenderToLocal);
    }
    QVERIFY(to1->ok() && to2->ok() && toL->ok());

    // The window lives in the local namespace: ssh and the local socket start from this thread.
    ScopedNetns inLocal(lab.local());
    QVERIFY(inLocal.ok());
    RemoteCaptureOptions remote;
    remote.remoteCli = RCVMON_CLI_PATH;
    remote.sshOptions = lab.sshOptionList();
    CaptureBackend backend;
    auto open = [remote](const CaptureRequest& request, bool restartable, QString& message) {
        std::vector<InterfaceChoice> choices;
        for (const auto& name : splitInterfaceList(request.interfaceName.toStdString()))
            choices.push_back({name, request.mode, request.filter.toStdString()});
        RemoteCaptureOptions options = remote;
        options.restartable = restartable;
        std::string why;
        auto source = openInterfaces(choices, request.allProtocols, options, why);
        if (!source) message = QString::fromStdString(why);
        return source;
    };
    backend.open = [open](const CaptureRequest& r, QString& e) { return open(r, true, e); };
    backend.openMember = [open](const CaptureRequest& r, QString& e) { return open(r, false, e); };

    MainWindow window(backend);
    window.resize(1500, 950);
    window.show();
    const std::string url1 = std::string("ssh://root@") + SshLab::RemoteHost + "/" + SshLab::RemoteLan;
    const std::string url2 = std::string("ssh://root@") + SshLab::RemoteHost2 + "/" + SshLab::RemoteLan;
    CaptureRequest request;
    request.interfaceName = QString::fromStdString(url1 + ", " + url2 + ", " + SshLab::LocalLan);
    request.mode = CaptureMode::IpLevel;
    request.filter = QStringLiteral("udp port 5001");
    QVERIFY2(window.startCapture(request), qPrintable(window.messageText()));
    CaptureController* controller = window.controller();
    QVERIFY(controller->merger());
    QCOMPARE(controller->merger()->interfaceCount(), 3u);

    // In turns: host 1, host 2, local; each frame's sequence is its place in time.
    auto frameTo = [&](int which, Kind kind, std::uint32_t sequence) {
        if (which == 0)
            return udpFrame(kind == Kind::ForeignUnicast ? ForeignMac : remoteMac, fromSender1, "198.18.2.1", 5001,
                            Marker{kind, sequence});
        if (which == 1)
            return udpFrame(kind == Kind::ForeignUnicast ? ForeignMac : remote2Mac, fromSender2, "198.18.5.1", 5001,
                            Marker{kind, sequence});
        return udpFrame(localMac, fromSenderL, "198.18.3.1", 5001, Marker{kind, sequence});
    };
    FrameSender* senders[3] = {to1.get(), to2.get(), toL.get()};
    constexpr std::uint32_t kRounds = 20;
    std::uint32_t sequence = 0;
    for (std::uint32_t round = 0; round < kRounds; ++round)
        for (int which = 0; which < 3; ++which) {
            QVERIFY(senders[which]->send(frameTo(which, Kind::Port5001, sequence++)));
            QTest::qWait(4);
        }
    QTRY_VERIFY_WITH_TIMEOUT(markedFrames(*controller).size() >= 3 * kRounds, kTimeoutMs);
    {
        const auto frames = markedFrames(*controller);
        QCOMPARE(frames.size(), std::size_t(3 * kRounds));
        for (std::size_t i = 0; i < frames.size(); ++i) {
            QVERIFY2(frames[i].sequence == i, qPrintable(QStringLiteral("frame %1 at %2").arg(frames[i].sequence).arg(i)));
            QCOMPARE(frames[i].interfaceId, std::uint32_t(i % 3));
            if (i > 0) QVERIFY(frames[i].ns >= frames[i - 1].ns);
        }
        // The Interface column names each host's interface host:if.
        const PacketTableModel* model = controller->tableModel();
        QCOMPARE(model->index(0, PacketTableModel::InterfaceColumn).data().toString(),
                 QStringLiteral("198.18.1.2:r-lan"));
        QCOMPARE(model->index(1, PacketTableModel::InterfaceColumn).data().toString(),
                 QStringLiteral("198.18.4.2:r-lan"));
        QCOMPARE(model->index(2, PacketTableModel::InterfaceColumn).data().toString(), QStringLiteral("l-lan"));
    }

    // Capture ▸ Mode ▸ 198.18.1.2:r-lan ▸ Promiscuous: that interface alone.
    QSignalSpy marks(controller, &CaptureController::switchMarked);
    auto* on0 = window.findChild<QAction*>(QStringLiteral("actionMode_0_on"));
    QVERIFY(on0);
    QVERIFY(window.findChild<QAction*>(QStringLiteral("actionMode_0_iplevel"))->isChecked());
    on0->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(isPromiscuous(lab.remote(), SshLab::RemoteLan), kTimeoutMs);
    QVERIFY(!isPromiscuous(lab.remote2(), SshLab::RemoteLan));
    QVERIFY(!isPromiscuous(lab.local(), SshLab::LocalLan));
    QCOMPARE(controller->merger()->members()[0].mode, CaptureMode::On);
    QCOMPARE(controller->merger()->members()[1].mode, CaptureMode::IpLevel);
    QCOMPARE(controller->merger()->members()[2].mode, CaptureMode::IpLevel);
    // Foreign unicast now reaches host 1's capture, not host 2's (IP level), while every
    // interface keeps delivering.
    const std::uint32_t switchedAt = sequence;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int which = 0; which < 3; ++which) senders[which]->send(frameTo(which, Kind::Port5001, sequence++));
            for (int which = 0; which < 2; ++which) senders[which]->send(frameTo(which, Kind::ForeignUnicast, sequence++));
            return countOn(markedFrames(*controller), 0, Kind::ForeignUnicast) >= 5;
        }(),
        kTimeoutMs);
    {
        const auto frames = markedFrames(*controller);
        QCOMPARE(countOn(frames, 1, Kind::ForeignUnicast), std::size_t(0));
        std::size_t after[3] = {0, 0, 0};
        for (const auto& f : frames)
            if (f.sequence >= switchedAt && f.kind == Kind::Port5001 && f.interfaceId < 3) ++after[f.interfaceId];
        QVERIFY(after[0] > 0 && after[1] > 0 && after[2] > 0);
    }
    // The switch is marked in the list, on that interface's first frame in the new mode.
    QTRY_VERIFY_WITH_TIMEOUT(!marks.isEmpty(), kTimeoutMs);
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks[0][1].toString(), QStringLiteral("198.18.1.2:r-lan: Mode switched from IpLevel to On"));
    const int markedRow = controller->tableModel()->rowForFrame(marks[0][0].toULongLong());
    QVERIFY(markedRow >= 0);
    QCOMPARE(controller->tableModel()->index(markedRow, PacketTableModel::InterfaceColumn).data().toString(),
             QStringLiteral("198.18.1.2:r-lan"));
    QVERIFY(!controller->tableModel()
                 ->index(markedRow, 0)
                 .data(PacketTableModel::SwitchMarkRole)
                 .toString()
                 .isEmpty());

    // Per-interface drops side by side: status bar and Capture ▸ Interface Statistics….
    auto* status = window.findChild<QLabel*>(QStringLiteral("statusInterfaces"));
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("198.18.1.2:r-lan On 0/0 (remote 0/0) · ")), kTimeoutMs);
    QVERIFY2(status->text().contains(QStringLiteral(" · 198.18.4.2:r-lan IpLevel 0/0 (remote 0/0) · l-lan IpLevel 0/0")),
             qPrintable(status->text()));
    QVERIFY2(status->toolTip().contains(QStringLiteral(
                 "198.18.1.2:r-lan On: drops 0 kernel, 0 ring; at the remote end 0 kernel, 0 ring")),
             qPrintable(status->toolTip()));
    QVERIFY2(status->toolTip().contains(QStringLiteral("l-lan IpLevel: drops 0 kernel, 0 ring")), qPrintable(status->toolTip()));
    window.findChild<QAction*>(QStringLiteral("actionInterfaceStatistics"))->trigger();
    auto* stats = window.findChild<InterfaceStatsDialog*>();
    QVERIFY(stats);
    QCOMPARE(stats->table()->rowCount(), 3);
    QCOMPARE(stats->table()->item(0, InterfaceStatsDialog::Interface)->text(), QStringLiteral("198.18.1.2:r-lan"));
    QCOMPARE(stats->table()->item(0, InterfaceStatsDialog::RemoteKernelDrops)->text(), QStringLiteral("0"));
    QCOMPARE(stats->table()->item(2, InterfaceStatsDialog::KernelDrops)->text(), QStringLiteral("0"));
    QCOMPARE(stats->table()->item(2, InterfaceStatsDialog::RemoteKernelDrops)->text(), QStringLiteral("—"));
    QVERIFY(stats->table()->item(0, InterfaceStatsDialog::Packets)->text().toULongLong() >= kRounds);
    // One bandwidth series per interface, each with traffic.
    InterfaceBandwidthChart* chart = window.interfaceChart();
    chart->refresh();
    QCOMPARE(chart->seriesNames(), (QStringList{QStringLiteral("198.18.1.2:r-lan"), QStringLiteral("198.18.4.2:r-lan"),
                                                QStringLiteral("l-lan")}));
    for (int s = 0; s < 3; ++s) {
        double bits = 0;
        for (const QPointF& p : chart->points(s)) bits += p.y();
        QVERIFY2(bits > 0, qPrintable(QStringLiteral("series %1 is empty").arg(s)));
    }
    saveScreenshot(&window, QStringLiteral("remote_window_per_interface_mode.png"), 20);
    saveScreenshot(stats, QStringLiteral("remote_window_interface_statistics.png"), 5);

    // Host 2 goes promiscuous, then its ssh connection is killed: the window keeps capturing,
    // keeps host 2's packets, says so, and host 2's NIC leaves promiscuous mode.
    window.findChild<QAction*>(QStringLiteral("actionMode_1_on"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(isPromiscuous(lab.remote2(), SshLab::RemoteLan), kTimeoutMs);
    const std::size_t host2Before = countOn(markedFrames(*controller), 1, Kind::Port5001);
    const int rowsBefore = controller->tableModel()->rowCount();
    QVERIFY(lab.killSessions(1) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(controller->merger()->members()[1].state != SourceMerger::MemberState::Running, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!isPromiscuous(lab.remote2(), SshLab::RemoteLan), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.messageText().contains(QStringLiteral("ssh connection for 198.18.4.2:r-lan ended")),
                             kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("LOST")), kTimeoutMs);
    QCOMPARE(controller->state(), CaptureController::State::Capturing);
    QVERIFY(controller->tableModel()->rowCount() >= rowsBefore);
    QCOMPARE(countOn(markedFrames(*controller), 1, Kind::Port5001), host2Before);
    // The others go on.
    const std::uint32_t afterKill = sequence;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            senders[0]->send(frameTo(0, Kind::Port5001, sequence++));
            senders[2]->send(frameTo(2, Kind::Port5001, sequence++));
            std::size_t n = 0;
            for (const auto& f : markedFrames(*controller)) n += f.sequence >= afterKill && f.interfaceId != 1;
            return n >= 4;
        }(),
        kTimeoutMs);
    QVERIFY(isPromiscuous(lab.remote(), SshLab::RemoteLan));
    saveScreenshot(&window, QStringLiteral("remote_window_connection_lost.png"), 20);

    // Capture ▸ Restart Lost Interfaces: host 2 captures again as interface 1, in the mode it had.
    QAction* restart = window.findChild<QAction*>(QStringLiteral("actionRestartLostInterfaces"));
    QVERIFY(restart);
    QTRY_VERIFY_WITH_TIMEOUT(restart->isEnabled(), kTimeoutMs);
    restart->trigger();
    QCOMPARE(controller->merger()->members()[1].state, SourceMerger::MemberState::Running);
    QTRY_VERIFY_WITH_TIMEOUT(isPromiscuous(lab.remote2(), SshLab::RemoteLan), kTimeoutMs);
    const std::uint32_t afterRestart = sequence;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            senders[1]->send(frameTo(1, Kind::Port5001, sequence++));
            std::size_t n = 0;
            for (const auto& f : markedFrames(*controller)) n += f.sequence >= afterRestart && f.interfaceId == 1;
            return n >= 3;
        }(),
        kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!status->text().contains(QStringLiteral("LOST")), kTimeoutMs);
    QVERIFY(countOn(markedFrames(*controller), 1, Kind::Port5001) > host2Before);

    // Stop: no NIC stays promiscuous; every packet stays in the list.
    const int rowsAtStop = controller->tableModel()->rowCount();
    window.findChild<QAction*>(QStringLiteral("actionStop"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!isPromiscuous(lab.remote(), SshLab::RemoteLan), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!isPromiscuous(lab.remote2(), SshLab::RemoteLan), kTimeoutMs);
    QVERIFY(!isPromiscuous(lab.local(), SshLab::LocalLan));
    QVERIFY(controller->tableModel()->rowCount() >= rowsAtStop);
}

RCVMON_QTEST_MAIN(TestRemoteWindow)
#include "tst_remote_window.moc"
