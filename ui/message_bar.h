// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace rcvmon {

// A closable strip above the packet list for errors the user must read (no privilege,
// interface gone, bad file, failed export). Never modal: the capture keeps running.
class MessageBar : public QWidget {
    Q_OBJECT
public:
    explicit MessageBar(QWidget* parent = nullptr);
    void showError(const QString& text);
    void showInfo(const QString& text);
    QString text() const;

private:
    void show(const QString& text, const QString& colour);
    QLabel* m_label;
};

}  // namespace rcvmon
