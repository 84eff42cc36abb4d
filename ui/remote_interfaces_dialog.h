// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProcess;
class QPushButton;

namespace rcvmon {

// Capture ▸ Remote Interfaces…: user@host[:port], its interfaces listed over OpenSSH (the
// user's own configuration, keys and agent; BatchMode, so never a password prompt) by
// `rcvmon-cli -D`, or `ip -o link` where RcvMon is not installed; the interface and mode to
// capture, alone or beside the interfaces already chosen. The capture itself runs through
// SshSource (ssh://[user@]host[:port]/if).
class RemoteInterfacesDialog : public QDialog {
    Q_OBJECT
public:
    RemoteInterfacesDialog(const QString& currentInterfaces, CaptureMode mode, QWidget* parent = nullptr);
    ~RemoteInterfacesDialog() override;

    // The capture's interface list: ssh://host/if, after the current ones when "beside" is on.
    QString interfaceName() const;
    CaptureMode mode() const;
    // Interface names from `rcvmon-cli -D` ("1. eth0 (...) [...]") or `ip -o link` ("2: eth0@if3: <...>").
    static QStringList parseInterfaceList(const QString& output);

private:
    QString remoteUrl() const;
    void listInterfaces();
    void updateOk();

    QString m_current;
    QLineEdit* m_host;
    QPushButton* m_listButton;
    QListWidget* m_interfaces;
    QLineEdit* m_interface;
    QComboBox* m_mode;
    QCheckBox* m_beside;
    QLabel* m_status;
    QPushButton* m_ok = nullptr;
    QProcess* m_process = nullptr;
};

}  // namespace rcvmon
