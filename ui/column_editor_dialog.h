// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QTableWidget;

namespace rcvmon {

class CustomColumnsModel;

// View ▸ Columns…: the packet list's columns as a table of title, display-filter field,
// occurrence (0 all, 1… from the first, -1… from the last) and Resolved. The table's own
// columns come first: their titles can be edited (renamed; emptied, the table's own again)
// and Source/Destination unresolved; custom columns can also be added, removed, moved up and
// down (the shown order is the header's: drag a section). OK applies when every field is known.
class ColumnEditorDialog : public QDialog {
    Q_OBJECT
public:
    ColumnEditorDialog(CustomColumnsModel& model, QWidget* parent = nullptr);

    enum Column { TitleColumn, FieldColumn, OccurrenceColumn, ResolvedColumn };
    QTableWidget* table() const { return m_table; }
    // Rows above the first custom column's row: the table's own columns.
    int builtinRows() const { return m_builtinRows; }
    // Applies the table to the model; false (and why under the table) when a field is unknown.
    bool apply();

signals:
    void applied();

private:
    void addBuiltinRow(int section, const QString& title, bool resolved);
    void addRow(const QString& title, const QString& field, int occurrence, bool resolved);
    void moveCurrent(int by);

    CustomColumnsModel& m_model;
    QTableWidget* m_table;
    QLabel* m_problem;
    int m_builtinRows = 0;
};

}  // namespace rcvmon
