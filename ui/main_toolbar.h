// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QIcon;
class QMainWindow;
class QMenu;
class QString;
class QToolBar;

namespace rcvmon {

// The desktop theme's icon `themeName`, else RcvMon's own (resources/icons/toolbar/`fallback`,
// 24 px and @2x 48 px, crisp at 200 %).
QIcon toolbarIcon(const QString& themeName, const QString& fallback);

// The main toolbar, Wireshark's: capture start/stop/restart/options, open/save/close/reload,
// find, previous/next, back/forward, go to, first/last, colorize, auto-scroll, zoom, resize
// columns. It holds the window's own actions (found by object name, given icons); one
// missing is skipped. View ▸ Main Toolbar shows or hides it.
QToolBar* addMainToolbar(QMainWindow* window, QMenu* view);

}  // namespace rcvmon
