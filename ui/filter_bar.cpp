// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter_bar.h"
#include "palette_tone.h"

#include "dissect/field_registry.h"
#include "filter/display_filter.h"
#include "filter/filter_names.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <set>
#include <string>
#include <utility>

namespace rcvmon {

namespace {
const QString RecentKey = QStringLiteral("filter/recent");
const QColor ValidColor(0xaf, 0xff, 0xaf);    // Wireshark's colours for a filter that
const QColor InvalidColor(0xff, 0xaf, 0xaf);  // compiles and one that does not

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-');
}

bool accepted(const std::string& name)
{
    std::string_view refusal;
    return resolveFilterName(name, refusal).has_value();
}
}  // namespace

QStringList displayFilterNames()
{
    // Every registry field, shorthand and protocol, kept when the filter accepts it (the
    // _ws.col.* columns are refused, as tshark 4.0 refuses them).
    std::set<std::string> names;
    for (const FieldInfo& field : allFields()) names.emplace(field.name);
    for (std::string_view name : filterShorthandNames()) names.emplace(name);
    for (std::string_view name : filterProtocolNames()) names.emplace(name);
    QStringList list;
    for (const std::string& name : names)
        if (accepted(name)) list << QString::fromStdString(name);
    return list;
}

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent),
      m_edit(new QLineEdit(this)),
      m_recent(new QToolButton(this)),
      m_apply(new QToolButton(this)),
      m_error(new QLabel(this)),
      m_completer(new QCompleter(this))
{
    m_edit->setObjectName(QStringLiteral("displayFilterEdit"));
    m_edit->setPlaceholderText(tr("Apply a display filter … <Ctrl-/>"));
    m_edit->setClearButtonEnabled(true);
    m_recent->setObjectName(QStringLiteral("displayFilterRecent"));
    m_recent->setText(tr("Recent"));
    m_recent->setToolTip(tr("Recently applied display filters"));
    m_apply->setObjectName(QStringLiteral("displayFilterApply"));
    m_apply->setText(tr("Apply"));
    m_error->setObjectName(QStringLiteral("displayFilterError"));
    m_error->setStyleSheet(errorTextStyle(palette()));
    m_error->hide();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(4);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_recent);
    layout->addWidget(m_apply);

    // The completer is attached by hand: it completes the name at the cursor, not the line.
    m_completer->setModel(new QStringListModel(displayFilterNames(), m_completer));
    m_completer->setModelSorting(QCompleter::CaseSensitivelySortedModel);
    m_completer->setCaseSensitivity(Qt::CaseSensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(m_edit);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &FilterBar::insertCompletion);

    connect(m_edit, &QLineEdit::textChanged, this, &FilterBar::validate);
    connect(m_edit, &QLineEdit::textEdited, this, &FilterBar::complete);
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (!std::exchange(m_completing, false)) apply();
    });
    connect(m_apply, &QToolButton::clicked, this, &FilterBar::apply);
    connect(m_recent, &QToolButton::clicked, this, &FilterBar::showRecent);
    validate();
}

QString FilterBar::text() const
{
    return m_edit->text().trimmed();
}

void FilterBar::setText(const QString& text)
{
    m_edit->setText(text);
    m_edit->setFocus();
}

QString FilterBar::errorText() const
{
    return m_state == State::Invalid ? m_error->text() : QString();
}

void FilterBar::validate()
{
    const QString text = this->text();
    QPalette palette = m_edit->palette();
    if (text.isEmpty()) {
        m_state = State::Empty;
        palette = QPalette();
        m_error->clear();
    } else {
        FilterError error;
        if (DisplayFilter::compile(text.toStdString(), error)) {
            m_state = State::Valid;
            palette.setColor(QPalette::Base, ValidColor);
            m_error->clear();
        } else {
            m_state = State::Invalid;
            palette.setColor(QPalette::Base, InvalidColor);
            QString message = QString::fromStdString(error.message);
            message += error.column > 0 ? tr(" (column %1)").arg(error.column) : tr(" (at the end)");
            m_error->setText(message);
        }
    }
    if (m_state != State::Empty) palette.setColor(QPalette::Text, Qt::black);  // readable on both colours
    m_edit->setPalette(palette);
    m_error->setVisible(m_state == State::Invalid);
    m_edit->setToolTip(m_error->text());
    m_apply->setEnabled(m_state != State::Invalid);
}

bool FilterBar::apply()
{
    if (m_completer->popup()->isVisible()) m_completer->popup()->hide();
    if (m_state == State::Invalid) return false;
    const QString text = this->text();
    if (!text.isEmpty()) remember(text);
    emit applyRequested(text);
    return true;
}

int FilterBar::tokenStart() const
{
    const QString text = m_edit->text();
    int start = m_edit->cursorPosition();
    while (start > 0 && isNameChar(text[start - 1])) --start;
    return start;
}

void FilterBar::complete()
{
    const int start = tokenStart();
    const QString token = m_edit->text().mid(start, m_edit->cursorPosition() - start);
    // Names start with a letter; a number or an address being typed is not a name.
    if (token.isEmpty() || !token[0].isLetter()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(token);
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 && m_completer->currentCompletion() == token)) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->popup()->setCurrentIndex(QModelIndex());
    const int x = m_edit->fontMetrics().horizontalAdvance(m_edit->text().left(start));
    const QRect rect(std::min(x, m_edit->width() / 2), 0, m_completer->popup()->sizeHintForColumn(0) + 24,
                     m_edit->height());
    m_completer->complete(rect);
}

void FilterBar::insertCompletion(const QString& completion)
{
    // Should the Return that chose this reach the line edit too (QCompleter forwards keys to
    // its widget), it must not also apply; the flag lapses once the event loop runs.
    m_completing = true;
    QTimer::singleShot(0, this, [this] { m_completing = false; });
    const int start = tokenStart();
    QString text = m_edit->text();
    text.replace(start, m_edit->cursorPosition() - start, completion);
    m_edit->setText(text);
    m_edit->setCursorPosition(start + static_cast<int>(completion.size()));
}

QStringList FilterBar::recentFilters() const
{
    return QSettings().value(RecentKey).toStringList();
}

void FilterBar::remember(const QString& text)
{
    QStringList recent = recentFilters();
    recent.removeAll(text);
    recent.prepend(text);
    while (recent.size() > MaxRecent) recent.removeLast();
    QSettings().setValue(RecentKey, recent);
}

void FilterBar::showRecent()
{
    QMenu menu(this);
    const QStringList recent = recentFilters();
    if (recent.isEmpty()) menu.addAction(tr("No recent filters"))->setEnabled(false);
    for (const QString& filter : recent) {
        connect(menu.addAction(filter), &QAction::triggered, this, [this, filter] {
            m_edit->setText(filter);
            apply();
        });
    }
    menu.exec(m_recent->mapToGlobal(QPoint(0, m_recent->height())));
}

}  // namespace rcvmon
