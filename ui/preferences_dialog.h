// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "spool_settings.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace rcvmon {

class CaptureController;

// Edit ▸ Preferences…: the spool directory, the memory bound and the disk bound. OK checks
// that the directory can be written before it closes.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const SpoolSettings& settings, QWidget* parent = nullptr);

    SpoolSettings settings() const;
    void accept() override;

private:
    void browse();

    QLineEdit* m_directory;
    QSpinBox* m_memory;
    QSpinBox* m_disk;
    QLabel* m_problem;
};

// Shows the dialog; on OK saves the settings and hands them to the controller (they apply to
// the next capture or opened file). True when the user pressed OK.
bool editPreferences(QWidget* parent, CaptureController& controller);

}  // namespace rcvmon
