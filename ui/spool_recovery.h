// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/spool_sets.h"

#include <QDialog>

#include <vector>

class QListWidget;
class QPushButton;

namespace rcvmon {

class MainWindow;

// Shown at start when the spool directory holds captures whose process died (a crash, a
// kill -9, a power cut): each can be recovered (opened, to be saved) or deleted. One entry
// per capture: the ring of files of a capture with a disk bound is recovered (or deleted) as
// a whole, its parts in the order they were written.
class SpoolRecoveryDialog : public QDialog {
    Q_OBJECT
public:
    explicit SpoolRecoveryDialog(std::vector<OrphanedCapture> orphans, QWidget* parent = nullptr);

    // The capture the user chose to recover; null when none.
    const OrphanedCapture* recoverCapture() const { return m_chosen; }
    // The first file of that capture; empty when none.
    QString recoverPath() const;
    // Captures still on disk and listed (not deleted here).
    int remaining() const;

private:
    void recoverSelected();
    void deleteSelected();
    void updateButtons();

    std::vector<OrphanedCapture> m_orphans;
    const OrphanedCapture* m_chosen = nullptr;
    QListWidget* m_list;
    QPushButton* m_recover;
    QPushButton* m_delete;
};

// Looks for orphaned captures in the window's spool directory and, when there are some,
// asks what to do with them. True when one was recovered into the window (the parts of a
// ring merged into one file first, on a worker thread while the window keeps turning).
bool offerSpoolRecovery(MainWindow& window);

}  // namespace rcvmon
