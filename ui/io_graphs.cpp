// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_graphs.h"

#include "capture_controller.h"
#include "capture_spool.h"
#include "io_graph_dialog.h"
#include "io_graph_model.h"
#include "io_graph_scan.h"
#include "packet_store_view.h"

#include <QAction>
#include <QFileInfo>
#include <QMenu>

namespace rcvmon {

IoGraphs::IoGraphs(CaptureController* controller, QWidget* window) : QObject(window), m_controller(controller), m_window(window)
{
    connect(m_controller, &CaptureController::loadFinished, this, [this] {
        if (m_dialog && m_dialog->isVisible() && !m_controller->isLive()) updateCapture();
    });
    connect(m_controller, &CaptureController::stateChanged, this, [this] {
        if (!m_dialog) return;
        switch (m_controller->state()) {
        case CaptureController::State::Empty:
        case CaptureController::State::Loading:
        case CaptureController::State::Capturing: m_dialog->setCapture({}); break;  // the old counts no longer apply
        case CaptureController::State::Stopped:
            if (m_controller->isLive() && m_dialog->isVisible()) updateCapture();
            break;
        case CaptureController::State::Loaded:
        case CaptureController::State::Failed: break;
        }
    });
}

IoGraphDialog* IoGraphs::dialog() const { return m_dialog; }

void IoGraphs::addToStatisticsMenu(QMenu* statistics)
{
    QAction* action = statistics->addAction(tr("&I/O Graphs"));
    action->setObjectName(QStringLiteral("actionIoGraphs"));
    connect(action, &QAction::triggered, this, [this] { showDialog(); });
}

QString IoGraphs::currentFile() const
{
    if (m_controller->spool()) return QString::fromStdString(m_controller->spool()->path());
    if (m_controller->isLive() || m_controller->state() == CaptureController::State::Empty) return {};
    const QString name = m_controller->sourceName();
    return QFileInfo(name).isFile() ? name : QString();
}

void IoGraphs::updateCapture()
{
    const PacketStoreView* store = m_controller->storeView();
    m_dialog->setCapture(currentFile(), store ? store->endNumber() : 0);
}

IoGraphDialog* IoGraphs::showDialog()
{
    if (!m_dialog) {
        m_dialog = new IoGraphDialog(m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &IoGraphDialog::frameRequested, this, [this](std::uint64_t frame) { emit frameRequested(frame); });
        updateCapture();
    } else if (m_controller->busy() || (!m_dialog->model()->hasResult() && !m_dialog->model()->scan()->running())) {
        // A live capture grew, or the last count was cancelled when the dialog was hidden.
        updateCapture();
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

}  // namespace rcvmon
