// SPDX-License-Identifier: GPL-2.0-or-later
#include "expert_info.h"

#include "capture_controller.h"
#include "capture_spool.h"
#include "expert_info_dialog.h"
#include "expert_info_indicator.h"
#include "expert_info_model.h"
#include "expert_scan.h"
#include "packet_comments.h"
#include "packet_store_view.h"

#include <QAction>
#include <QFileInfo>
#include <QMenu>
#include <QStatusBar>

namespace rcvmon {

ExpertInfo::ExpertInfo(CaptureController* controller, QWidget* window)
    : QObject(window), m_controller(controller), m_window(window), m_scan(new ExpertScan(this)), m_model(new ExpertInfoModel(this))
{
    connect(m_scan, &ExpertScan::finished, this, [this] { m_model->setTally(m_scan->result()); });
    connect(m_scan, &ExpertScan::cleared, this, [this] { m_model->setTally(nullptr); });
    connect(m_controller, &CaptureController::stateChanged, this, &ExpertInfo::onStateChanged);
    // An opened file is scanned as soon as its index is built: the worker reads it alone.
    connect(m_controller, &CaptureController::loadFinished, this, [this] {
        if (!m_controller->isLive()) rescan();
    });
    // A comment the user adds, edits or deletes is a Comment item gained or lost (Wireshark
    // dissects the packet again); a capture still running is scanned when the dialog opens.
    connect(m_controller->packetComments(), &PacketComments::changed, this, [this] {
        if (!m_controller->busy() && (m_scan->hasResult() || m_scan->running())) rescan();
    });
}

ExpertInfo::~ExpertInfo() { m_scan->cancel(); }

void ExpertInfo::addToStatisticsMenu(QMenu* statistics)
{
    QAction* action = statistics->addAction(tr("E&xpert Information"));
    action->setObjectName(QStringLiteral("actionExpertInfo"));
    connect(action, &QAction::triggered, this, [this] { showDialog(); });
}

void ExpertInfo::addToStatusBar(QStatusBar* bar)
{
    m_indicator = new ExpertInfoIndicator(*m_scan, bar);
    bar->addPermanentWidget(m_indicator);
    connect(m_indicator, &QToolButton::clicked, this, [this] { showDialog(); });
    for (auto signal : {&ExpertScan::progressed, &ExpertScan::finished, &ExpertScan::cleared})
        connect(m_scan, signal, m_indicator, &ExpertInfoIndicator::refresh);
}

ExpertInfoDialog* ExpertInfo::showDialog()
{
    if (!m_dialog) {
        m_dialog = new ExpertInfoDialog(*m_scan, *m_model, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &ExpertInfoDialog::frameRequested, this, &ExpertInfo::frameRequested);
        connect(m_dialog, &ExpertInfoDialog::rescanRequested, this, &ExpertInfo::rescan);
        // A live capture grows: opening the dialog scans what was captured so far.
        if (!m_scan->running() && (m_controller->busy() || !m_scan->hasResult())) rescan();
    }
    m_dialog->show();
    m_dialog->raise();
    return m_dialog;
}

QString ExpertInfo::currentFile() const
{
    if (m_controller->spool()) return QString::fromStdString(m_controller->spool()->path());
    if (m_controller->isLive() || m_controller->state() == CaptureController::State::Empty) return {};
    const QString name = m_controller->sourceName();
    return QFileInfo(name).isFile() ? name : QString();
}

bool ExpertInfo::rescan()
{
    const QString file = currentFile();
    if (file.isEmpty()) {
        m_scan->clear();
        return false;
    }
    const PacketStoreView* store = m_controller->storeView();
    m_scan->start(file, store ? store->endNumber() : 0, m_controller->packetComments()->edits());
    if (m_indicator) m_indicator->refresh();
    return true;
}

void ExpertInfo::onStateChanged()
{
    switch (m_controller->state()) {
    case CaptureController::State::Empty:
    case CaptureController::State::Loading:
    case CaptureController::State::Capturing:
        // Something new is shown: the old results no longer apply.
        if (m_scan->hasResult() || m_scan->running()) m_scan->clear();
        break;
    case CaptureController::State::Stopped:
        if (m_controller->isLive()) rescan();
        break;
    case CaptureController::State::Loaded:
    case CaptureController::State::Failed: break;
    }
}

}  // namespace rcvmon
