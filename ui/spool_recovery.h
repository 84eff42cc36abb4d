// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/spool_files.h"

#include <QDialog>

#include <vector>

class QListWidget;
class QPushButton;

namespace rcvmon {

class MainWindow;

// Shown at start when the spool directory holds captures whose process died (a crash, a
// kill -9, a power cut): each can be recovered (opened, to be saved) or deleted.
class SpoolRecoveryDialog : public QDialog {
    Q_OBJECT
public:
    explicit SpoolRecoveryDialog(std::vector<OrphanedSpool> orphans, QWidget* parent = nullptr);

    // The file the user chose to recover; empty when none.
    QString recoverPath() const { return m_recoverPath; }
    // Files still on disk and listed (not deleted here).
    int remaining() const;

private:
    void recoverSelected();
    void deleteSelected();
    void updateButtons();

    std::vector<OrphanedSpool> m_orphans;
    QListWidget* m_list;
    QPushButton* m_recover;
    QPushButton* m_delete;
    QString m_recoverPath;
};

// Looks for orphaned spool files in the window's spool directory and, when there are some,
// asks what to do with them. True when one was recovered into the window.
bool offerSpoolRecovery(MainWindow& window);

}  // namespace rcvmon
