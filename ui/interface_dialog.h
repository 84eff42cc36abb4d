// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"
#include "live/network_interface.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLineEdit;
class QTreeWidget;

namespace rcvmon {

// Capture ▸ Interface…: every interface with its addresses and state, the RCVALL mode and
// an optional capture filter. The caller starts the capture with what was chosen.
class InterfaceDialog : public QDialog {
    Q_OBJECT
public:
    InterfaceDialog(const std::vector<NetworkInterface>& interfaces, const QString& current, CaptureMode mode,
                    const QString& filter, QWidget* parent = nullptr);

    QString interfaceName() const;
    CaptureMode mode() const;
    QString filter() const;

private:
    QTreeWidget* m_list;
    QComboBox* m_mode;
    QLineEdit* m_filter;
};

}  // namespace rcvmon
