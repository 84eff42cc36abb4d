// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Answers the window's modal questions in tests: while a ModalAnswer lives, every modal
// dialog with the given object name that opens is handed to `answer` (which clicks one of its
// buttons), as a user would. It looks from the event loop the dialog's exec() runs.

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace rcvmon::test {

class ModalAnswer : public QObject {
public:
    ModalAnswer(QString name, std::function<void(QWidget*)> answer) : m_name(std::move(name)), m_answer(std::move(answer))
    {
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            QWidget* modal = QApplication::activeModalWidget();
            if (!modal || !modal->isVisible() || modal->objectName() != m_name) return;
            ++m_count;
            m_answer(modal);
        });
        m_timer.start();
    }
    // Clicks `button` of each unsaved-capture question (Save, Discard or Cancel).
    static std::function<void(QWidget*)> click(QMessageBox::StandardButton button)
    {
        return [button](QWidget* w) {
            if (auto* box = qobject_cast<QMessageBox*>(w)) box->button(button)->click();
        };
    }
    int count() const { return m_count; }

private:
    QString m_name;
    std::function<void(QWidget*)> m_answer;
    QTimer m_timer;
    int m_count = 0;
};

}  // namespace rcvmon::test
