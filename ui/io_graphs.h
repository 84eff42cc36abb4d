// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>

class QMenu;
class QWidget;

namespace rcvmon {

class CaptureController;
class IoGraphDialog;

// Statistics ▸ I/O Graphs in the window: the dialog over the opened file (or a live capture's
// spool, as far as it was captured when the dialog opened or the capture stopped), told when
// another file is opened. The rolling bandwidth charts stay what a live capture shows.
class IoGraphs : public QObject {
    Q_OBJECT
public:
    IoGraphs(CaptureController* controller, QWidget* window);

    void addToStatisticsMenu(QMenu* statistics);
    IoGraphDialog* showDialog();
    IoGraphDialog* dialog() const;

signals:
    void frameRequested(quint64 frame);

private:
    QString currentFile() const;
    void updateCapture();

    CaptureController* m_controller;
    QWidget* m_window;
    QPointer<IoGraphDialog> m_dialog;
};

}  // namespace rcvmon
