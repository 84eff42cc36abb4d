// SPDX-License-Identifier: GPL-2.0-or-later
// The Statistics menu: conversations, endpoints and the protocol hierarchy, fed by the
// controller's StatisticsFeed, which starts the first time one of them is opened; and the
// processes, fed by the controller's FlowTraffic (every frame's flow), started the same way; and
// the top talkers chart (View ▸ Top Talkers Chart), which also needs the StatisticsFeed.
#include "main_window.h"

#include "expert_info.h"

#include "capture_controller.h"
#include "conversation_model.h"
#include "endpoint_model.h"
#include "flow_traffic.h"
#include "io_graphs.h"
#include "name_resolution.h"
#include "processes_dialog.h"
#include "protocol_hierarchy_dialog.h"
#include "stat_tables_dialog.h"
#include "statistics_feed.h"
#include "top_talkers_chart_view.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>

namespace rcvmon {

void MainWindow::buildStatisticsMenu()
{
    QMenu* statistics = menuBar()->addMenu(tr("&Statistics"));
    QAction* conversations = statistics->addAction(tr("&Conversations"));
    conversations->setObjectName(QStringLiteral("actionConversations"));
    connect(conversations, &QAction::triggered, this, &MainWindow::showConversations);
    QAction* endpoints = statistics->addAction(tr("&Endpoints"));
    endpoints->setObjectName(QStringLiteral("actionEndpoints"));
    connect(endpoints, &QAction::triggered, this, &MainWindow::showEndpoints);
    QAction* hierarchy = statistics->addAction(tr("Protocol &Hierarchy"));
    hierarchy->setObjectName(QStringLiteral("actionProtocolHierarchy"));
    connect(hierarchy, &QAction::triggered, this, &MainWindow::showProtocolHierarchy);
    QAction* processes = statistics->addAction(tr("&Processes"));
    processes->setObjectName(QStringLiteral("actionProcesses"));
    connect(processes, &QAction::triggered, this, &MainWindow::showProcesses);
    QAction* talkers = statistics->addAction(tr("&Top Talkers"));
    talkers->setObjectName(QStringLiteral("actionTopTalkersChart"));
    connect(talkers, &QAction::triggered, this, [this] { setTopTalkersShown(true); });
    m_names->addToStatisticsMenu(statistics);
    m_expert = new ExpertInfo(m_controller, this);
    m_expert->addToStatisticsMenu(statistics);
    connect(m_expert, &ExpertInfo::frameRequested, this, [this](quint64 frame) { selectFrame(frame); });
    auto* ioGraphs = new IoGraphs(m_controller, this);
    ioGraphs->addToStatisticsMenu(statistics);
    connect(ioGraphs, &IoGraphs::frameRequested, this, [this](quint64 frame) { selectFrame(frame); });
}

void MainWindow::setTopTalkersShown(bool shown)
{
    if (m_topTalkersAction->isChecked() != shown) m_topTalkersAction->setChecked(shown);  // comes back here
    m_talkers->setVisible(shown);
    if (shown) {
        m_chartDock->show();
        m_chartDock->raise();
    }
}

namespace {
void showOnTop(QDialog* dialog)
{
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}
}  // namespace

StatTablesDialog* MainWindow::showConversations()
{
    StatisticsFeed* feed = m_controller->statisticsFeed();
    feed->setEnabled(true);
    if (!m_conversations) {
        m_conversations = new StatTablesDialog(
            tr("Conversations"), tr("Filter on this Conversation"),
            [feed](StatKind kind, QObject* parent) { return new ConversationModel(feed, kind, parent); },
            {ConversationModel::PortA, ConversationModel::PortB}, this);
        m_conversations->setObjectName(QStringLiteral("conversationsDialog"));
        connect(m_conversations, &StatTablesDialog::filterRequested, this, &MainWindow::applyDisplayFilter);
    }
    showOnTop(m_conversations);
    return m_conversations;
}

StatTablesDialog* MainWindow::showEndpoints()
{
    StatisticsFeed* feed = m_controller->statisticsFeed();
    feed->setEnabled(true);
    if (!m_endpoints) {
        m_endpoints = new StatTablesDialog(
            tr("Endpoints"), tr("Filter on this Endpoint"),
            [feed](StatKind kind, QObject* parent) { return new EndpointModel(feed, kind, parent); },
            {EndpointModel::Port}, this);
        m_endpoints->setObjectName(QStringLiteral("endpointsDialog"));
        connect(m_endpoints, &StatTablesDialog::filterRequested, this, &MainWindow::applyDisplayFilter);
    }
    showOnTop(m_endpoints);
    return m_endpoints;
}

ProtocolHierarchyDialog* MainWindow::showProtocolHierarchy()
{
    m_controller->statisticsFeed()->setEnabled(true);
    if (!m_hierarchy) {
        m_hierarchy = new ProtocolHierarchyDialog(m_controller->statisticsFeed(), this);
        m_hierarchy->setObjectName(QStringLiteral("protocolHierarchyDialog"));
    }
    showOnTop(m_hierarchy);
    return m_hierarchy;
}

ProcessesDialog* MainWindow::showProcesses()
{
    m_controller->flowTraffic()->setEnabled(true);
    if (!m_processes) {
        m_processes = new ProcessesDialog(m_controller->processTraffic(), this);
        m_processes->setObjectName(QStringLiteral("processesDialog"));
    }
    showOnTop(m_processes);
    return m_processes;
}

}  // namespace rcvmon
