// SPDX-License-Identifier: GPL-2.0-or-later
// Capture ▸ Restart Lost Interfaces in the real window (offscreen) with an interface whose
// reopening hangs (as ssh does towards an unreachable host until its ConnectTimeout): the event
// loop keeps turning and the interface shows "reconnecting…" meanwhile, then it captures again;
// a reopening that fails shows its error and leaves the interface lost.
#include "capture_backend.h"
#include "capture_controller.h"
#include "interface_members.h"
#include "main_window.h"
#include "packet_table_model.h"
#include "qtest_main.h"

#include "../capture/store/fake_source.h"
#include "../capture/store/frame_maker.h"
#include "live/source_merger.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QScopeGuard>
#include <QSettings>
#include <QTest>
#include <QTimer>

#include <chrono>
#include <condition_variable>
#include <mutex>

using namespace rcvmon;
using namespace std::chrono_literals;

namespace {

// The second interface's reopening waits here until the test lets it go (bounded: 60 s).
struct Gate {
    std::mutex mutex;
    std::condition_variable cv;
    bool open = false;
    bool succeed = true;
    int attempts = 0;
    std::shared_ptr<test::FakeWire> wire = std::make_shared<test::FakeWire>();

    void release(bool success)
    {
        std::lock_guard lock(mutex);
        succeed = success;
        open = true;
        cv.notify_all();
    }
};

void queueFrames(test::FakeWire& wire, std::uint64_t first, int count)
{
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch()).count();
    for (int i = 0; i < count; ++i) {
        test::QueuedFrame q;
        test::fillPayload(q.bytes, first + i, 60);
        q.ts = Timestamp{now, static_cast<std::uint32_t>(first + i)};
        wire.queue(std::move(q));
    }
}

CaptureBackend slowBackend(std::shared_ptr<test::FakeWire> a, std::shared_ptr<test::FakeWire> b, std::shared_ptr<Gate> gate)
{
    CaptureBackend backend;
    backend.open = [a, b](const CaptureRequest&, QString& error) -> std::unique_ptr<CaptureSource> {
        std::vector<SourceMerger::Member> members;
        members.push_back({std::make_unique<test::FakeSource>("eth0", CaptureMode::IpLevel, a), 200ms});
        members.push_back({std::make_unique<test::FakeSource>("host:eth1", CaptureMode::IpLevel, b), 200ms});
        std::string message;
        auto merger = SourceMerger::create(std::move(members), message);
        if (!merger) error = QString::fromStdString(message);
        return merger;
    };
    backend.openMember = [gate](const CaptureRequest& request, QString& error) -> std::unique_ptr<CaptureSource> {
        std::unique_lock lock(gate->mutex);
        ++gate->attempts;
        if (!gate->cv.wait_for(lock, 60s, [&] { return gate->open; }) || !gate->succeed) {
            error = QStringLiteral("ssh: connect to host 198.18.9.9 port 22: Connection timed out");
            return nullptr;
        }
        return std::make_unique<test::FakeSource>(request.interfaceName.toStdString(), request.mode, gate->wire);
    };
    return backend;
}

}  // namespace

class TestRestartLostWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init() { QSettings().clear(); }
    void theWindowKeepsTurningWhileAReconnectHangs_data();
    void theWindowKeepsTurningWhileAReconnectHangs();
};

void TestRestartLostWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_restart_lost_window-%1").arg(QCoreApplication::applicationPid()));
}

void TestRestartLostWindow::theWindowKeepsTurningWhileAReconnectHangs_data()
{
    QTest::addColumn<bool>("succeeds");
    QTest::newRow("the host answers at last") << true;
    QTest::newRow("the connection times out") << false;
}

void TestRestartLostWindow::theWindowKeepsTurningWhileAReconnectHangs()
{
    QFETCH(bool, succeeds);
    auto a = std::make_shared<test::FakeWire>();
    auto b = std::make_shared<test::FakeWire>();
    auto gate = std::make_shared<Gate>();
    // The worker may outlive a failed test: let it go whatever happens.
    const auto letGo = qScopeGuard([gate] { gate->release(false); });
    MainWindow window(slowBackend(a, b, gate));
    CaptureController* controller = window.controller();
    queueFrames(*a, 0, 2);
    queueFrames(*b, 2, 2);
    QVERIFY(window.startCapture({QStringLiteral("eth0,host:eth1"), CaptureMode::IpLevel, QString(), false}));
    QVERIFY(controller->merger());
    QTRY_COMPARE_WITH_TIMEOUT(controller->tableModel()->rowCount(), 4, 20000);

    b->fail("ssh: connection to the remote end lost");
    QAction* restart = window.findChild<QAction*>(QStringLiteral("actionRestartLostInterfaces"));
    auto* status = window.findChild<QLabel*>(QStringLiteral("statusInterfaces"));
    QVERIFY(restart && status);
    QTRY_VERIFY_WITH_TIMEOUT(restart->isEnabled(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("LOST")), 20000);

    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(20);
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    ticker.start();
    QElapsedTimer triggered;
    triggered.start();
    restart->trigger();
    QVERIFY2(triggered.elapsed() < 5000, "Restart Lost Interfaces waited for the connection on the GUI thread");
    // Pending: the event loop turns, the interface says it is reconnecting and is not running yet.
    QTRY_VERIFY_WITH_TIMEOUT(ticks >= 10, 20000);
    QVERIFY(window.interfaceMembers()->reconnecting());
    QVERIFY2(status->text().contains(QStringLiteral("reconnecting…")), qPrintable(status->text()));
    QCOMPARE(gate->attempts, 1);
    QVERIFY(controller->merger()->members()[1].state != SourceMerger::MemberState::Running);
    // A second click while it hangs starts no second ssh.
    restart->trigger();
    QTest::qWait(50);  // lets a (wrong) second worker start before counting
    QCOMPARE(gate->attempts, 1);

    gate->release(succeeds);
    QTRY_VERIFY_WITH_TIMEOUT(!window.interfaceMembers()->reconnecting(), 20000);
    if (succeeds) {
        QTRY_COMPARE_WITH_TIMEOUT(controller->merger()->members()[1].state, SourceMerger::MemberState::Running, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!status->text().contains(QStringLiteral("LOST")) &&
                                     !status->text().contains(QStringLiteral("reconnecting")), 20000);
        queueFrames(*gate->wire, 4, 3);
        QTRY_COMPARE_WITH_TIMEOUT(controller->tableModel()->rowCount(), 7, 20000);
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("LOST")), 20000);
        QVERIFY(controller->merger()->members()[1].state != SourceMerger::MemberState::Running);
        QVERIFY(restart->isEnabled());  // it can be tried again
    }
    const int ticksBefore = ticks;
    QTRY_VERIFY_WITH_TIMEOUT(ticks > ticksBefore, 20000);
    window.findChild<QAction*>(QStringLiteral("actionStop"))->trigger();
}

RCVMON_QTEST_MAIN(TestRestartLostWindow)
#include "tst_restart_lost_window.moc"
