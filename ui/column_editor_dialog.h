// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QTableWidget;

namespace rcvmon {

class CustomColumnsModel;

// View ▸ Custom Columns…: the packet list's custom columns as a table of title, display-filter
// field and occurrence (0 all, 1… from the first, -1… from the last); add, remove, move up
// and down, rename by editing the title. OK applies when every field is known.
class ColumnEditorDialog : public QDialog {
    Q_OBJECT
public:
    ColumnEditorDialog(CustomColumnsModel& model, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    // Applies the table to the model; false (and why under the table) when a field is unknown.
    bool apply();

signals:
    void applied();

private:
    void addRow(const QString& title, const QString& field, int occurrence);
    void moveCurrent(int by);

    CustomColumnsModel& m_model;
    QTableWidget* m_table;
    QLabel* m_problem;
};

}  // namespace rcvmon
