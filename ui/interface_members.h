// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "capture_backend.h"
#include "core/capture_mode.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

class QAction;
class QLabel;
class QMenu;
class QTimer;

namespace rcvmon {

class CaptureController;
class InterfaceStatsDialog;
class SourceMerger;

// The interfaces of a merged capture in the window: under Capture ▸ Mode one submenu per
// interface switches that interface alone (the others keep capturing; the list marks the
// switch); a status bar label gives each interface's mode, state and drops; what happens to
// an interface (a lost ssh connection) is shown as a message, and Capture ▸ Restart Lost
// Interfaces opens it again in the same capture, its packets so far kept. Polls the merge
// once a second; GUI thread only.
class InterfaceMembers : public QObject {
    Q_OBJECT
public:
    using RequestSource = std::function<CaptureRequest()>;  // the request the capture was started with
    using ShowMessage = std::function<void(const QString&)>;

    InterfaceMembers(CaptureController* controller, CaptureBackend backend, RequestSource request, ShowMessage show,
                     QMenu* modeMenu, QMenu* captureMenu, QLabel* statusLabel, QObject* parent);

    // One interface's mode, the others untouched; false (and a message) when refused.
    bool setInterfaceMode(std::uint32_t id, CaptureMode mode);
    // Opens every ended or failed interface again; the number restarted.
    int restartLost();
    // Reads the merge now (the timer does once a second).
    void refresh();
    // "eth0 On 0/0 · host:eth1 IpLevel 0/0 (remote 0/0)": each interface's mode and its drops,
    // kernel/ring (a remote one's far end beside); " LOST" after an interface that ended.
    QString statusText() const;
    // The same spelt out, one interface a line (the label's tool tip).
    QString statusLines(bool full) const;
    QAction* restartAction() const { return m_restart; }
    InterfaceStatsDialog* showStatistics();

private:
    void rebuildModeMenu(SourceMerger* merger);

    CaptureController* m_controller;
    CaptureBackend m_backend;
    RequestSource m_request;
    ShowMessage m_show;
    QMenu* m_modeMenu;
    QLabel* m_status;
    QAction* m_restart;
    QAction* m_statistics;
    QTimer* m_timer;
    QPointer<InterfaceStatsDialog> m_dialog;
    std::vector<QMenu*> m_submenus;
    std::vector<std::vector<QAction*>> m_modeActions;  // per interface: On, IpLevel
    SourceMerger* m_shown = nullptr;                   // the merge the submenus were built for
    std::size_t m_noticesShown = 0;
};

}  // namespace rcvmon
