// SPDX-License-Identifier: GPL-2.0-or-later
// The usual furniture: Go menu, time reference, zoom and resize columns, the main toolbar.
#include "main_window.h"

#include "capture_controller.h"
#include "go_menu.h"
#include "packet_comment_actions.h"
#include "hex_view.h"
#include "main_toolbar.h"
#include "time_reference.h"
#include "view_zoom.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTableView>
#include <QTreeView>

namespace rcvmon {

namespace {
QAction* menuAction(QMenuBar* bar, const QString& title)
{
    for (QAction* a : bar->actions())
        if (a->menu() && a->text() == title) return a;
    return nullptr;
}
}  // namespace

void MainWindow::buildFurniture()
{
    QAction* edit = menuAction(menuBar(), tr("&Edit"));
    QAction* view = menuAction(menuBar(), tr("&View"));
    new TimeReference(edit->menu(), m_table, m_controller->tableModel(), this);
    new PacketCommentActions(edit->menu(), m_controller, m_table, this);
    new ViewZoom(view->menu(), m_table, {m_tree, m_hex}, this);

    // Go right after View, as in Wireshark.
    auto* go = new QMenu(tr("&Go"), this);
    go->menuAction()->setObjectName(QStringLiteral("menuGo"));
    const QList<QAction*> menus = menuBar()->actions();
    const qsizetype afterView = menus.indexOf(view) + 1;
    menuBar()->insertMenu(afterView < menus.size() ? menus.at(afterView) : nullptr, go);
    m_go = new GoMenu(go, findChild<QAction*>(QStringLiteral("actionGoTo")), m_table, m_controller,
                      [this](std::uint64_t frame) { return selectFrame(frame); }, this);
    addMainToolbar(this, view->menu());
}

}  // namespace rcvmon
