// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QMenu;
class QStatusBar;
class QWidget;

namespace rcvmon {

class CaptureController;
class ExpertInfoDialog;
class ExpertInfoIndicator;
class ExpertInfoModel;
class ExpertScan;

// Expert Info in the window: scans the opened file once it has loaded (a live capture's spool
// when it stops, or on Refresh while it runs) on a worker thread, keeps the tally in a model,
// shows the highest severity in the status bar and Statistics ▸ Expert Information.
class ExpertInfo : public QObject {
    Q_OBJECT
public:
    ExpertInfo(CaptureController* controller, QWidget* window);
    ~ExpertInfo() override;

    void addToStatisticsMenu(QMenu* statistics);
    void addToStatusBar(QStatusBar* bar);
    ExpertInfoDialog* showDialog();
    // Scans what is shown now, up to its last retained frame; false (and why in the
    // dialog) when there is no file to read (standard input, nothing open).
    bool rescan();

    ExpertScan* scan() const { return m_scan; }
    ExpertInfoModel* model() const { return m_model; }
    ExpertInfoIndicator* indicator() const { return m_indicator; }

signals:
    void frameRequested(quint64 frame);

private:
    QString currentFile() const;
    void onStateChanged();

    CaptureController* m_controller;
    QWidget* m_window;
    ExpertScan* m_scan;
    ExpertInfoModel* m_model;
    ExpertInfoIndicator* m_indicator = nullptr;
    QPointer<ExpertInfoDialog> m_dialog;
};

}  // namespace rcvmon
