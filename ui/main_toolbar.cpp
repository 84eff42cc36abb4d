// SPDX-License-Identifier: GPL-2.0-or-later
#include "main_toolbar.h"

#include <QAction>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QToolBar>

namespace rcvmon {

QIcon toolbarIcon(const QString& themeName, const QString& fallback)
{
    QIcon own;
    const QString base = QStringLiteral(":/rcvmon/icons/toolbar/") + fallback;
    own.addFile(base + QStringLiteral(".png"), QSize(24, 24));
    own.addFile(base + QStringLiteral("@2x.png"), QSize(48, 48));
    return QIcon::fromTheme(themeName, own);
}

QToolBar* addMainToolbar(QMainWindow* window, QMenu* view)
{
    struct Entry {
        const char* action;  // object name; nullptr: a separator
        const char* theme;
        const char* fallback;
    };
    static constexpr Entry entries[] = {
        {"actionStart", "media-playback-start", "capture-start"},
        {"actionStop", "media-playback-stop", "capture-stop"},
        {"actionRestart", "view-refresh", "capture-restart"},
        {"actionInterfaces", "preferences-system", "capture-options"},
        {nullptr, nullptr, nullptr},
        {"actionOpen", "document-open", "document-open"},
        {"actionSave", "document-save", "document-save"},
        {"actionClose", "document-close", "document-close"},
        {"actionReload", "document-revert", "document-reload"},
        {nullptr, nullptr, nullptr},
        {"actionFind", "edit-find", "edit-find"},
        {"actionGoPrevious", "go-previous", "go-previous"},
        {"actionGoNext", "go-next", "go-next"},
        {"actionGoBack", "go-previous-view", "go-back"},
        {"actionGoForward", "go-next-view", "go-forward"},
        {"actionGoTo", "go-jump", "go-jump"},
        {"actionGoFirst", "go-first", "go-first"},
        {"actionGoLast", "go-last", "go-last"},
        {"actionFollow", "go-bottom", "auto-scroll"},
        {nullptr, nullptr, nullptr},
        {"actionColorize", "format-fill-color", "colorize"},
        {nullptr, nullptr, nullptr},
        {"actionZoomIn", "zoom-in", "zoom-in"},
        {"actionZoomOut", "zoom-out", "zoom-out"},
        {"actionZoomNormal", "zoom-original", "zoom-original"},
        {"actionResizeColumns", "zoom-fit-best", "resize-columns"},
    };
    auto* bar = new QToolBar(QObject::tr("Main Toolbar"), window);
    bar->setObjectName(QStringLiteral("mainToolbar"));
    // No fixed icon size: the style's toolbar metric, which follows the screen's scale.
    for (const Entry& e : entries) {
        if (!e.action) {
            bar->addSeparator();
            continue;
        }
        auto* action = window->findChild<QAction*>(QString::fromLatin1(e.action));
        if (!action) continue;
        action->setIcon(toolbarIcon(QString::fromLatin1(e.theme), QString::fromLatin1(e.fallback)));
        // Menus stay text-only, as Wireshark's; the toolbar shows the icon and a tooltip with the key.
        action->setIconVisibleInMenu(false);
        if (!action->shortcut().isEmpty())
            action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                                                             action->shortcut().toString(QKeySequence::NativeText)));
        bar->addAction(action);
    }
    window->addToolBar(Qt::TopToolBarArea, bar);
    QAction* toggle = bar->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionMainToolbar"));
    toggle->setText(QObject::tr("&Main Toolbar"));
    view->addAction(toggle);
    return bar;
}

}  // namespace rcvmon
