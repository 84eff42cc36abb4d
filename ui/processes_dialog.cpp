// SPDX-License-Identifier: GPL-2.0-or-later
#include "processes_dialog.h"

#include "flow_traffic.h"
#include "process_table_model.h"
#include "process_traffic.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace rcvmon {

namespace {
constexpr int RefreshMs = 1000;
constexpr int AnswerPollMs = 100;  // one atomic read when nothing is new
}  // namespace

ProcessesDialog::ProcessesDialog(ProcessTraffic* traffic, QWidget* parent)
    : QDialog(parent), m_traffic(traffic), m_model(new ProcessTableModel(traffic, this)),
      m_table(new QTableView(this)), m_status(new QLabel(this)), m_timer(new QTimer(this)),
      m_answerTimer(new QTimer(this))
{
    setWindowTitle(tr("Processes"));
    resize(1250, 420);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(ProcessTableModel::SortRole);
    m_table->setObjectName(QStringLiteral("processTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);  // first seen, until the user picks a column
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // What is counted and what the two rates mean.
    auto* note = new QLabel(
        tr("Live captures only: every captured TCP and UDP packet this host sent or received, "
           "grouped by the process that owns its flow (packets between other hosts and other "
           "protocols are not counted). Bits/s (now) is the rate over the capture time since the "
           "last refresh (about a second); Avg Bits/s is over the time from the process's first "
           "to its last packet. \"pending\" holds flows whose owner is still being looked up; "
           "\"unknown\" those no process could be found for."),
        this);
    note->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("processStatus"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(note);
    layout->addWidget(buttons);
    m_timer->setInterval(RefreshMs);
    connect(m_timer, &QTimer::timeout, this, &ProcessesDialog::refresh);
    m_answerTimer->setInterval(AnswerPollMs);
    connect(m_answerTimer, &QTimer::timeout, this, [this] {
        if (!m_traffic->answersChanged()) return;
        m_model->refreshIfAnswered();
        updateStatus();
    });
}

void ProcessesDialog::refresh()
{
    const bool wasEmpty = m_model->rowCount() == 0;
    m_model->refresh(true);
    if (wasEmpty && m_model->rowCount() > 0) m_table->resizeColumnsToContents();  // fit the first rows
    updateStatus();
}

void ProcessesDialog::updateStatus()
{
    if (!m_traffic->processMap()) {
        m_status->setText(tr("No live capture: there is no process to attribute packets to."));
        return;
    }
    const FlowTraffic* flows = m_traffic->flowTraffic();
    QString text = tr("%1 packets in %2 flows.")
                       .arg(flows->framesCounted())
                       .arg(static_cast<qulonglong>(flows->flows().size()));
    if (!flows->caughtUp())
        text += QLatin1Char(' ') + tr("Counting the captured packets: %1 %.").arg(qRound(flows->progress() * 100));
    if (const std::uint64_t pending = m_traffic->pendingFlows())
        text += QLatin1Char(' ') + tr("Looking up the owner of %1 flows.").arg(pending);
    m_status->setText(text);
}

void ProcessesDialog::showEvent(QShowEvent* event)
{
    refresh();
    m_timer->start();
    m_answerTimer->start();
    QDialog::showEvent(event);
}

void ProcessesDialog::hideEvent(QHideEvent* event)
{
    m_timer->stop();
    m_answerTimer->stop();
    QDialog::hideEvent(event);
}

}  // namespace rcvmon
