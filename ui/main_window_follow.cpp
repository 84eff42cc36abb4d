// SPDX-License-Identifier: GPL-2.0-or-later
// Analyze ▸ Follow: the selected packet's TCP, UDP or TLS stream in a FollowStreamDialog,
// with Wireshark's shortcuts. The streams are found by a FollowStreamSource, which walks the
// retained frames once on first use and then dissects only the followed stream's frames.
#include "main_window.h"

#include "capture_controller.h"
#include "follow_stream_dialog.h"
#include "follow_stream_source.h"
#include "packet_table_model.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>

namespace rcvmon {

void MainWindow::buildFollowMenu()
{
    m_followSource = std::make_shared<FollowStreamSource>();
    // Something new is opened or captured: the streams are found again from its first frame.
    connect(m_controller, &CaptureController::stateChanged, this, [this] {
        const auto state = m_controller->state();
        if (state == CaptureController::State::Loading || state == CaptureController::State::Capturing ||
            state == CaptureController::State::Empty)
            m_followSource->setStore(nullptr);
    });
    QMenu* analyze = nullptr;
    for (QAction* action : menuBar()->actions())
        if (action->menu() && action->text() == tr("&Analyze")) analyze = action->menu();
    if (!analyze) analyze = menuBar()->addMenu(tr("&Analyze"));
    analyze->addSeparator();
    QMenu* follow = analyze->addMenu(tr("Follo&w"));
    const auto add = [&](const QString& text, const char* name, const QString& keys, FollowProtocol protocol) {
        QAction* action = follow->addAction(text);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(QKeySequence(keys));
        connect(action, &QAction::triggered, this, [this, protocol] { followStream(protocol); });
    };
    add(tr("&TCP Stream"), "actionFollowTcp", QStringLiteral("Ctrl+Alt+Shift+T"), FollowProtocol::Tcp);
    add(tr("&UDP Stream"), "actionFollowUdp", QStringLiteral("Ctrl+Alt+Shift+U"), FollowProtocol::Udp);
    add(tr("T&LS Stream"), "actionFollowTls", QStringLiteral("Ctrl+Alt+Shift+S"), FollowProtocol::Tls);
    add(tr("&HTTP Stream"), "actionFollowHttp", QStringLiteral("Ctrl+Alt+Shift+H"), FollowProtocol::Http);
}

FollowStreamDialog* MainWindow::followStream(FollowProtocol protocol)
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        statusBar()->showMessage(tr("Select a packet of the stream to follow first."), 5000);
        return nullptr;
    }
    const std::uint64_t frame = m_controller->tableModel()->frameNumber(current.row());
    if (m_followSource->store() != m_controller->storeView()) m_followSource->setStore(m_controller->storeView());
    const auto stream = m_followSource->streamOf(protocol, frame);
    if (!stream) {
        statusBar()->showMessage(protocol == FollowProtocol::Udp ? tr("Packet %1 is not part of a UDP stream.").arg(frame)
                                                                 : tr("Packet %1 is not part of a TCP stream.").arg(frame),
                                 5000);
        return nullptr;
    }
    auto* dialog = new FollowStreamDialog(*m_followSource, protocol, *stream, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FollowStreamDialog::filterRequested, this, &MainWindow::applyDisplayFilter);
    dialog->show();
    dialog->raise();
    return dialog;
}

}  // namespace rcvmon
