// SPDX-License-Identifier: GPL-2.0-or-later
#include "recent_files.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace rcvmon {

namespace {
const QString kKey = QStringLiteral("file/recent");
}

RecentFiles::RecentFiles(QObject* parent) : QObject(parent), m_files(QSettings().value(kKey).toStringList())
{
    while (m_files.size() > MaxFiles) m_files.removeLast();
}

void RecentFiles::add(const QString& path)
{
    if (path.isEmpty() || path == QStringLiteral("-")) return;  // standard input cannot be opened again
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_files.removeAll(absolute);
    m_files.prepend(absolute);
    while (m_files.size() > MaxFiles) m_files.removeLast();
    save();
    emit changed();
}

void RecentFiles::clear()
{
    m_files.clear();
    save();
    emit changed();
}

void RecentFiles::save() const
{
    QSettings().setValue(kKey, m_files);
}

void RecentFiles::attachMenu(QMenu* menu)
{
    fill(menu);
    connect(this, &RecentFiles::changed, menu, [this, menu] { fill(menu); });
}

void RecentFiles::fill(QMenu* menu)
{
    menu->clear();
    if (m_files.isEmpty()) {
        menu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    for (const QString& path : m_files) {
        QAction* action = menu->addAction(QDir::toNativeSeparators(path));
        action->setEnabled(QFileInfo::exists(path));
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    menu->addSeparator();
    connect(menu->addAction(tr("Clear Menu")), &QAction::triggered, this, &RecentFiles::clear);
}

}  // namespace rcvmon
