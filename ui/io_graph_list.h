// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "io_graph_definition.h"

#include <QWidget>

#include <vector>

class QTableWidget;
class QPushButton;

namespace rcvmon {

// The graph list of Statistics ▸ I/O Graphs: one row per graph with its enable box, name,
// display filter (applied on Enter or when the field is left), colour, style, unit (Y axis),
// Y field (applied as the filter is) and SMA period; Add,
// Copy and Remove below. Says changed() after each edit.
class IoGraphList : public QWidget {
    Q_OBJECT
public:
    enum Column { Enabled, Name, Filter, Color, Style, Unit, YField, Sma, ColumnCount };

    explicit IoGraphList(QWidget* parent = nullptr);

    void setGraphs(const std::vector<IoGraphDefinition>& graphs);
    const std::vector<IoGraphDefinition>& graphs() const { return m_graphs; }
    // Adds a graph at the end, as the Add button does; returns its row.
    int addGraph(const IoGraphDefinition& graph);
    void removeGraph(int row);
    // Shows a filter's compile error on its row (empty clears it).
    void setFilterError(int row, const QString& error);
    // Shows why the Y field does not fit the unit (empty clears it).
    void setFieldError(int row, const QString& error);
    QTableWidget* table() const { return m_table; }
    // The row's editor for a column (a QCheckBox, QLineEdit, QToolButton or QComboBox).
    QWidget* editor(int row, Column column) const;

signals:
    void changed();

private:
    void addRow(int row);
    // Connects an editor's signal: apply(graph, signal arguments…) changes its row's graph
    // and returns whether it did.
    template <typename Editor, typename Signal, typename Apply>
    void onEdit(Editor* editor, Signal signal, Apply apply);
    void edited(int row, const IoGraphDefinition& graph);
    int rowOf(QWidget* editor) const;

    QTableWidget* m_table;
    QPushButton* m_remove;
    std::vector<IoGraphDefinition> m_graphs;
};

}  // namespace rcvmon
