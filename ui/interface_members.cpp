// SPDX-License-Identifier: GPL-2.0-or-later
#include "interface_members.h"

#include "capture_controller.h"
#include "interface_stats_dialog.h"
#include "live/interface_choice.h"
#include "live/source_merger.h"
#include "packet_table_model.h"

#include <QAction>
#include <QActionGroup>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStringList>
#include <QTimer>

namespace rcvmon {

namespace {
constexpr std::pair<CaptureMode, const char*> kModes[] = {{CaptureMode::On, "on"}, {CaptureMode::IpLevel, "iplevel"}};
}

InterfaceMembers::InterfaceMembers(CaptureController* controller, CaptureBackend backend, RequestSource request,
                                   ShowMessage show, QMenu* modeMenu, QMenu* captureMenu, QLabel* statusLabel,
                                   QObject* parent)
    : QObject(parent),
      m_controller(controller),
      m_backend(std::move(backend)),
      m_request(std::move(request)),
      m_show(std::move(show)),
      m_modeMenu(modeMenu),
      m_status(statusLabel),
      m_timer(new QTimer(this))
{
    m_restart = captureMenu->addAction(tr("Restart &Lost Interfaces"));
    m_restart->setObjectName(QStringLiteral("actionRestartLostInterfaces"));
    m_restart->setEnabled(false);
    connect(m_restart, &QAction::triggered, this, [this] { restartLost(); });
    m_statistics = captureMenu->addAction(tr("Interface &Statistics…"));
    m_statistics->setObjectName(QStringLiteral("actionInterfaceStatistics"));
    connect(m_statistics, &QAction::triggered, this, [this] { showStatistics(); });
    m_status->setObjectName(QStringLiteral("statusInterfaces"));
    m_status->setVisible(false);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &InterfaceMembers::refresh);
    m_timer->start();
    connect(m_controller, &CaptureController::stateChanged, this, &InterfaceMembers::refresh);
}

void InterfaceMembers::rebuildModeMenu(SourceMerger* merger)
{
    for (QMenu* menu : m_submenus) {
        m_modeMenu->removeAction(menu->menuAction());
        menu->deleteLater();
    }
    m_submenus.clear();
    m_modeActions.clear();
    m_shown = merger;
    if (!merger) return;
    const auto members = merger->members();
    for (std::uint32_t id = 0; id < members.size(); ++id) {
        QMenu* menu = m_modeMenu->addMenu(QString::fromStdString(members[id].name));
        menu->setObjectName(QStringLiteral("menuMode_%1").arg(id));
        auto* group = new QActionGroup(menu);
        std::vector<QAction*> actions;
        for (const auto& [mode, word] : kModes) {
            QAction* a = menu->addAction(mode == CaptureMode::On ? tr("Promiscuous (RCVALL_ON)") : tr("IP level (RCVALL_IPLEVEL)"));
            a->setObjectName(QStringLiteral("actionMode_%1_%2").arg(id).arg(QLatin1String(word)));
            a->setCheckable(true);
            group->addAction(a);
            connect(a, &QAction::triggered, this, [this, id, m = mode] { setInterfaceMode(id, m); });
            actions.push_back(a);
        }
        m_submenus.push_back(menu);
        m_modeActions.push_back(std::move(actions));
    }
}

bool InterfaceMembers::setInterfaceMode(std::uint32_t id, CaptureMode mode)
{
    SourceMerger* merger = m_controller->merger();
    if (!merger || m_controller->state() != CaptureController::State::Capturing) {
        m_show(tr("There is no capture of several interfaces running."));
        return false;
    }
    std::string error;
    if (!merger->setMemberMode(id, mode, error)) {
        m_show(QString::fromStdString(error));
        refresh();
        return false;
    }
    refresh();
    return true;
}

int InterfaceMembers::restartLost()
{
    SourceMerger* merger = m_controller->merger();
    if (!merger || !m_backend.openMember || m_controller->state() != CaptureController::State::Capturing) return 0;
    const CaptureRequest request = m_request();
    const std::vector<std::string> names = splitInterfaceList(request.interfaceName.toStdString());
    const auto members = merger->members();
    int restarted = 0;
    for (std::uint32_t id = 0; id < members.size() && id < names.size(); ++id) {
        if (members[id].state == SourceMerger::MemberState::Running) continue;
        CaptureRequest one = request;
        one.interfaceName = QString::fromStdString(names[id]);
        if (members[id].capturingMode != CaptureMode::Off) one.mode = members[id].capturingMode;
        QString why;
        std::unique_ptr<CaptureSource> source = m_backend.openMember(one, why);
        std::string error;
        if (!source || !merger->replaceMember(id, std::move(source), error)) {
            m_show(tr("%1 could not be restarted: %2")
                       .arg(QString::fromStdString(members[id].name), why.isEmpty() ? QString::fromStdString(error) : why));
            continue;
        }
        ++restarted;
    }
    refresh();
    return restarted;
}

void InterfaceMembers::refresh()
{
    SourceMerger* merger = m_controller->merger();
    if (merger != m_shown) {
        rebuildModeMenu(merger);
        m_noticesShown = 0;
    }
    m_status->setVisible(merger != nullptr);
    if (!merger) {
        m_restart->setEnabled(false);
        return;
    }
    const auto members = merger->members();
    bool lost = false;
    for (std::size_t id = 0; id < members.size() && id < m_modeActions.size(); ++id) {
        const CaptureMode mode = members[id].mode;
        m_modeActions[id][0]->setChecked(mode == CaptureMode::On);
        m_modeActions[id][1]->setChecked(mode == CaptureMode::IpLevel);
        const bool running = members[id].state == SourceMerger::MemberState::Running;
        for (QAction* a : m_modeActions[id]) a->setEnabled(running);
        lost = lost || !running;
    }
    m_restart->setEnabled(lost && m_backend.openMember && m_controller->state() == CaptureController::State::Capturing);
    const std::vector<std::string> notices = merger->notices();
    for (; m_noticesShown < notices.size(); ++m_noticesShown) m_show(QString::fromStdString(notices[m_noticesShown]));
    m_status->setText(statusText());
    m_status->setToolTip(tr("Drops per interface (kernel/ring, and at a remote end kernel/ring):\n") + statusLines(true));
    if (m_dialog) m_dialog->setMembers(members);
}

QString InterfaceMembers::statusText() const
{
    return statusLines(false);
}

QString InterfaceMembers::statusLines(bool full) const
{
    const SourceMerger* merger = m_controller->merger();
    if (!merger) return {};
    const QLocale locale;
    const auto n = [&](std::uint64_t v) { return locale.toString(static_cast<qulonglong>(v)); };
    QStringList parts;
    for (const auto& m : merger->members()) {
        const std::uint64_t far = m.stats.remoteKernel + m.stats.remoteRing;
        const std::uint64_t kernel = m.stats.droppedKernel - std::min(m.stats.droppedKernel, far);
        // A remote interface is named host:if (SshSource); its far end's drops come beside.
        const bool remote = m.name.find(':') != std::string::npos;
        QString text = QString::fromStdString(m.name) + QLatin1Char(' ') + modeName(m.mode);
        if (full) {
            text += tr(": drops %1 kernel, %2 ring").arg(n(kernel), n(m.droppedQueue));
            if (remote) text += tr("; at the remote end %1 kernel, %2 ring").arg(n(m.stats.remoteKernel), n(m.stats.remoteRing));
        } else {
            text += QStringLiteral(" %1/%2").arg(n(kernel), n(m.droppedQueue));
            if (remote) text += tr(" (remote %1/%2)").arg(n(m.stats.remoteKernel), n(m.stats.remoteRing));
        }
        if (m.state != SourceMerger::MemberState::Running) text += tr(" LOST");
        parts << text;
    }
    return parts.join(full ? QStringLiteral("\n") : QStringLiteral(" · "));
}

InterfaceStatsDialog* InterfaceMembers::showStatistics()
{
    if (!m_dialog) {
        auto* owner = qobject_cast<QWidget*>(parent());
        m_dialog = new InterfaceStatsDialog(owner);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    if (SourceMerger* merger = m_controller->merger()) m_dialog->setMembers(merger->members());
    m_dialog->show();
    m_dialog->raise();
    return m_dialog;
}

}  // namespace rcvmon
