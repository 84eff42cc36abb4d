// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace rcvmon {

// The capture files opened lately, newest first, kept in the settings ("file/recent"): what
// File ▸ Open Recent and the start page list.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int MaxFiles = 10;

    explicit RecentFiles(QObject* parent = nullptr);

    QStringList files() const { return m_files; }
    // Moves (or puts) path at the top; absolute paths, so the list means the same from anywhere.
    void add(const QString& path);
    void clear();
    // Fills `menu` with one action per file (and Clear) now and whenever the list changes;
    // an action asks to open its file through openRequested.
    void attachMenu(QMenu* menu);

signals:
    void changed();
    void openRequested(const QString& path);

private:
    void save() const;
    void fill(QMenu* menu);

    QStringList m_files;
};

}  // namespace rcvmon
