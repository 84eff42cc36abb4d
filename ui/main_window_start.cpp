// SPDX-License-Identifier: GPL-2.0-or-later
// The start page shown when nothing is open, File ▸ Open Recent, Close and View ▸ Reload.
#include "main_window.h"

#include "capture_controller.h"
#include "recent_files.h"
#include "save_capture.h"
#include "start_page.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStandardPaths>

namespace rcvmon {

void MainWindow::buildStartPage()
{
    m_recent = new RecentFiles(this);
    m_startPage = new StartPage(m_backend, m_recent, this);
    m_pages->addWidget(m_startPage);
    connect(m_startPage, &StartPage::captureRequested, this, [this](const CaptureRequest& request) { startCapture(request); });
    connect(m_startPage, &StartPage::openRequested, this, [this](const QString& path) { openFile(path); });
    connect(m_recent, &RecentFiles::openRequested, this, [this](const QString& path) { openFile(path); });

    QMenu* file = menuBar()->actions().constFirst()->menu();
    QAction* open = findChild<QAction*>(QStringLiteral("actionOpen"));
    const int at = int(file->actions().indexOf(open));
    QAction* after = at >= 0 && at + 1 < file->actions().size() ? file->actions().at(at + 1) : nullptr;
    auto* recentMenu = new QMenu(tr("Open &Recent"), file);
    recentMenu->menuAction()->setObjectName(QStringLiteral("menuOpenRecent"));
    m_recent->attachMenu(recentMenu);
    file->insertMenu(after, recentMenu);
    m_closeAction = new QAction(tr("&Close"), this);
    m_closeAction->setObjectName(QStringLiteral("actionClose"));
    m_closeAction->setShortcut(QKeySequence::Close);  // Ctrl+W, as Wireshark
    m_closeAction->setToolTip(tr("Close this capture file"));
    file->insertAction(after, m_closeAction);
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeCapture);

    // Wireshark's View ▸ Reload shares Ctrl+R with Capture ▸ Restart: only one is enabled at a time.
    m_reloadAction = new QAction(tr("&Reload"), this);
    m_reloadAction->setObjectName(QStringLiteral("actionReload"));
    m_reloadAction->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_reloadAction->setToolTip(tr("Reload this file"));
    for (QAction* menu : menuBar()->actions())
        if (menu->objectName() == QStringLiteral("menuView") || menu->text() == tr("&View")) menu->menu()->addAction(m_reloadAction);
    connect(m_reloadAction, &QAction::triggered, this, [this] {
        if (!m_controller->isLive() && !m_controller->sourceName().isEmpty()) openFile(m_controller->sourceName());
    });

    connect(m_controller, &CaptureController::stateChanged, this, &MainWindow::updatePage);
    updatePage();
}

void MainWindow::updatePage()
{
    const bool empty = m_controller->state() == CaptureController::State::Empty;
    if (empty && m_pages->currentWidget() != m_startPage) {
        m_startPage->setRequest(m_request);
        m_pages->setCurrentWidget(m_startPage);
    } else if (!empty) {
        m_pages->setCurrentIndex(0);  // the packet view
    }
    m_closeAction->setEnabled(!empty);
    m_reloadAction->setEnabled(!empty && !m_controller->isLive() && m_controller->sourceName() != QStringLiteral("-") &&
                               !m_controller->busy());
}

void MainWindow::closeCapture()
{
    if (!m_saving->confirmDiscard(tr("closing it"))) return;
    m_controller->close();
    m_lastRowCount = 0;
    setWindowTitle(QStringLiteral("RcvMon"));
    updateActions();
    updateStatus();
}

void MainWindow::noteOpened(const QString& path)
{
    // The bundled sample is written to the cache each time: not a file the user opened.
    if (path.startsWith(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))) return;
    m_recent->add(path);
}

}  // namespace rcvmon
