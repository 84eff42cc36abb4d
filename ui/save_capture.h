// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace rcvmon {

class CaptureController;

// File ▸ Save and Save As… for a spooled live capture (or a recovered one), and the question
// asked before such a capture goes unsaved (quit, close, open another, new capture):
// Save / Discard / Cancel. Saving is atomic: a temporary file renamed into place.
class SaveCapture : public QObject {
    Q_OBJECT
public:
    enum class Answer { Save, Discard, Cancel };
    // Asks for a path; *pcap says whether the user picked pcap. Empty: cancelled.
    using PathChooser = std::function<QString(bool* pcap)>;
    using ErrorSink = std::function<void(const QString&)>;

    SaveCapture(QWidget* window, CaptureController* controller, PathChooser chooser, ErrorSink showError);

    // Adds Save and Save As… to the end of `menu`.
    void addActions(QMenu* menu);
    // Save: to the path it was last saved to, else as Save As… does. True when saved.
    bool save();
    bool saveAs();
    // Whether the shown capture may go: true when nothing is unsaved, or the user saved it or
    // chose to discard it; false when they cancelled (or saving failed). `why` ends the
    // question "Save the captured packets before …?".
    bool confirmDiscard(const QString& why);

    QString savedPath() const { return m_savedPath; }

private:
    Answer ask(const QString& why) const;
    bool saveTo(const QString& path, bool pcap);
    void updateActions();

    QWidget* m_window;
    CaptureController* m_controller;
    PathChooser m_chooser;
    ErrorSink m_showError;
    QAction* m_save = nullptr;
    QAction* m_saveAs = nullptr;
    QString m_savedPath;
    QString m_savedSpool;  // the spool file m_savedPath holds a copy of
    bool m_savedPcap = false;
};

}  // namespace rcvmon
