// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QCompleter;
class QLabel;
class QLineEdit;
class QToolButton;

namespace rcvmon {

// The display filter bar above the packet list, as in Wireshark: the text turns green when
// it compiles and red when it does not (the error and its column beside it), field and
// protocol names complete as they are typed, and recently applied filters are kept in
// QSettings. Enter (or Apply) asks for the filter to be applied; empty text clears it.
class FilterBar : public QWidget {
    Q_OBJECT
public:
    enum class State { Empty, Valid, Invalid };

    explicit FilterBar(QWidget* parent = nullptr);

    QString text() const;
    // Puts text in the bar without applying it ("Prepare as Filter").
    void setText(const QString& text);
    State state() const { return m_state; }
    // Why the text does not compile, with its column; empty when it does.
    QString errorText() const;
    QLineEdit* lineEdit() const { return m_edit; }
    QCompleter* completer() const { return m_completer; }
    QStringList recentFilters() const;
    // Applies the current text when it is valid (what Enter does); false otherwise.
    bool apply();

    static constexpr int MaxRecent = 20;

signals:
    void applyRequested(const QString& text);

private:
    void validate();
    void complete();
    void insertCompletion(const QString& completion);
    void remember(const QString& text);
    void showRecent();
    // The name being typed at the cursor: [start, cursor).
    int tokenStart() const;

    QLineEdit* m_edit;
    QToolButton* m_recent;
    QToolButton* m_apply;
    QLabel* m_error;
    QCompleter* m_completer;
    State m_state = State::Empty;
    bool m_completing = false;  // the Return that picked a completion must not also apply
};

// Every name the display filter accepts (fields, protocols, shorthands), sorted.
QStringList displayFilterNames();

}  // namespace rcvmon
