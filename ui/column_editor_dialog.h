// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QHeaderView;
class QLabel;
class QTableWidget;

namespace rcvmon {

class CustomColumnsModel;

// View ▸ Columns…: the packet list's columns as a table of title, display-filter field,
// occurrence (0 all, 1… from the first, -1… from the last), Resolved and Displayed, in the
// order the list shows them (the header's). Every column, the table's own and custom ones, can
// be moved up and down and hidden or shown; the table's own can be renamed (emptied: the
// table's own title again) and Source/Destination unresolved; custom columns can also be added
// and removed. OK applies when every field is known: the layout to the model, the order and
// the shown columns to the header.
class ColumnEditorDialog : public QDialog {
    Q_OBJECT
public:
    // `header`: the packet list's, whose order and hidden sections the rows follow (null: the
    // model's order, every column shown, and apply() changes no order).
    ColumnEditorDialog(CustomColumnsModel& model, QWidget* parent = nullptr, QHeaderView* header = nullptr);

    enum Column { TitleColumn, FieldColumn, OccurrenceColumn, ResolvedColumn, DisplayedColumn };
    QTableWidget* table() const { return m_table; }
    // How many rows are the table's own columns (first, until the user moves them).
    int builtinRows() const { return m_builtinRows; }
    // The model's section a row stands for now: a built-in section, or -1 for a custom column.
    int builtinSection(int row) const;
    // Applies the table to the model; false (and why under the table) when a field is unknown.
    bool apply();

signals:
    void applied();

private:
    void addBuiltinRow(int section, const QString& title, bool resolved, bool shown);
    void addRow(const QString& title, const QString& field, int occurrence, bool resolved, bool shown = true);
    void addDisplayed(int row, bool shown);
    void moveCurrent(int by);

    CustomColumnsModel& m_model;
    QHeaderView* m_header;
    QTableWidget* m_table;
    QLabel* m_problem;
    int m_builtinRows = 0;
};

}  // namespace rcvmon
