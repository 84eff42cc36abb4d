// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_graph_list.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace rcvmon {

namespace {

QIcon swatch(const QColor& color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(color);
    return QIcon(pixmap);
}

}  // namespace

IoGraphList::IoGraphList(QWidget* parent) : QWidget(parent), m_table(new QTableWidget(0, ColumnCount, this))
{
    m_table->setObjectName(QStringLiteral("ioGraphTable"));
    m_table->setHorizontalHeaderLabels({tr("Enabled"), tr("Graph Name"), tr("Display Filter"), tr("Color"), tr("Style"), tr("Y Axis"),
                                        tr("Y Field"), tr("SMA Period")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(Filter, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Interactive);
    m_table->setColumnWidth(Name, 160);

    auto* add = new QPushButton(tr("&Add"), this);
    add->setObjectName(QStringLiteral("ioGraphAdd"));
    auto* copy = new QPushButton(tr("&Copy"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("ioGraphRemove"));
    // Enter in a filter field applies it; it must not press a button too.
    for (QPushButton* button : {add, copy, m_remove}) button->setAutoDefault(false);
    connect(add, &QPushButton::clicked, this, [this] {
        addGraph({true, tr("Graph %1").arg(m_graphs.size() + 1), {}, ioGraphColor(int(m_graphs.size())),
                  IoGraphStyle::Line, IoGraphUnit::Packets});
    });
    connect(copy, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0) return;
        IoGraphDefinition graph = m_graphs[std::size_t(row)];
        graph.name = tr("%1 (copy)").arg(graph.name);
        graph.color = ioGraphColor(int(m_graphs.size()));
        addGraph(graph);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeGraph(m_table->currentRow()); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(copy);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
}

void IoGraphList::setGraphs(const std::vector<IoGraphDefinition>& graphs)
{
    m_graphs = graphs;
    m_table->setRowCount(0);
    for (int row = 0; row < int(m_graphs.size()); ++row) addRow(row);
}

int IoGraphList::addGraph(const IoGraphDefinition& graph)
{
    m_graphs.push_back(graph);
    const int row = int(m_graphs.size()) - 1;
    addRow(row);
    m_table->setCurrentCell(row, Name);
    emit changed();
    return row;
}

void IoGraphList::removeGraph(int row)
{
    if (row < 0 || row >= int(m_graphs.size())) return;
    m_graphs.erase(m_graphs.begin() + row);
    m_table->removeRow(row);
    emit changed();
}

QWidget* IoGraphList::editor(int row, Column column) const { return m_table->cellWidget(row, column); }

int IoGraphList::rowOf(QWidget* editor) const
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        for (int c = 0; c < ColumnCount; ++c)
            if (m_table->cellWidget(row, c) == editor) return row;
    return -1;
}

void IoGraphList::edited(int row, const IoGraphDefinition& graph)
{
    if (row < 0 || row >= int(m_graphs.size()) || m_graphs[std::size_t(row)] == graph) return;
    m_graphs[std::size_t(row)] = graph;
    emit changed();
}

void IoGraphList::setFilterError(int row, const QString& error)
{
    auto* edit = qobject_cast<QLineEdit*>(editor(row, Filter));
    if (!edit) return;
    edit->setToolTip(error);
    // The filter bar's colours: red while the text does not compile.
    edit->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("QLineEdit { background: #ffafaf; color: black; }"));
}

void IoGraphList::setFieldError(int row, const QString& error)
{
    auto* edit = qobject_cast<QLineEdit*>(editor(row, YField));
    if (!edit) return;
    edit->setToolTip(error.isEmpty() ? tr("The numeric field SUM, COUNT, MAX, MIN, AVG and LOAD compute on") : error);
    edit->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("QLineEdit { background: #ffafaf; color: black; }"));
}

template <typename Editor, typename Signal, typename Apply>
void IoGraphList::onEdit(Editor* editor, Signal signal, Apply apply)
{
    // The editor finds its row when it fires: rows move when one above is removed.
    connect(editor, signal, this, [this, editor, apply](auto... args) {
        const int r = rowOf(editor);
        if (r < 0) return;
        IoGraphDefinition g = m_graphs[std::size_t(r)];
        if (apply(g, args...)) edited(r, g);
    });
}

void IoGraphList::addRow(int row)
{
    const IoGraphDefinition& graph = m_graphs[std::size_t(row)];
    m_table->insertRow(row);
    auto* enabled = new QCheckBox(m_table);
    enabled->setChecked(graph.enabled);
    onEdit(enabled, &QCheckBox::toggled, [](IoGraphDefinition& g, bool on) {
        g.enabled = on;
        return true;
    });
    auto* name = new QLineEdit(graph.name, m_table);
    onEdit(name, &QLineEdit::editingFinished, [name](IoGraphDefinition& g) {
        g.name = name->text();
        return true;
    });
    auto* filter = new QLineEdit(graph.filter, m_table);
    filter->setPlaceholderText(tr("All packets"));
    onEdit(filter, &QLineEdit::editingFinished, [filter](IoGraphDefinition& g) {
        g.filter = filter->text().trimmed();
        return true;
    });
    auto* color = new QToolButton(m_table);
    color->setIcon(swatch(graph.color));
    color->setToolTip(graph.color.name());
    onEdit(color, &QToolButton::clicked, [this, color](IoGraphDefinition& g, bool) {
        const QColor chosen = QColorDialog::getColor(g.color, this, tr("Graph Color"));
        if (!chosen.isValid()) return false;
        g.color = chosen;
        color->setIcon(swatch(chosen));
        color->setToolTip(chosen.name());
        return true;
    });
    auto* style = new QComboBox(m_table);
    for (IoGraphStyle s : {IoGraphStyle::Line, IoGraphStyle::Bar, IoGraphStyle::Dots}) style->addItem(ioGraphStyleName(s));
    style->setCurrentIndex(int(graph.style));
    onEdit(style, &QComboBox::currentIndexChanged, [](IoGraphDefinition& g, int i) {
        g.style = IoGraphStyle(i);
        return true;
    });
    auto* unit = new QComboBox(m_table);
    for (int u = 0; u < IoGraphUnitCount; ++u) unit->addItem(ioGraphUnitName(IoGraphUnit(u)));
    unit->setCurrentIndex(int(graph.unit));
    onEdit(unit, &QComboBox::currentIndexChanged, [](IoGraphDefinition& g, int i) {
        g.unit = IoGraphUnit(i);
        return true;
    });
    auto* yField = new QLineEdit(graph.yField, m_table);
    yField->setPlaceholderText(tr("e.g. frame.len"));
    yField->setToolTip(tr("The numeric field SUM, COUNT, MAX, MIN, AVG and LOAD compute on"));
    onEdit(yField, &QLineEdit::editingFinished, [yField](IoGraphDefinition& g) {
        g.yField = yField->text().trimmed();
        return true;
    });
    auto* sma = new QComboBox(m_table);
    for (int period : ioGraphSmaPeriods()) sma->addItem(ioGraphSmaName(period), period);
    sma->setCurrentIndex(std::max(0, sma->findData(graph.smaPeriod)));
    onEdit(sma, &QComboBox::currentIndexChanged, [sma](IoGraphDefinition& g, int i) {
        g.smaPeriod = sma->itemData(i).toInt();
        return true;
    });
    m_table->setCellWidget(row, Enabled, enabled);
    m_table->setCellWidget(row, Name, name);
    m_table->setCellWidget(row, Filter, filter);
    m_table->setCellWidget(row, Color, color);
    m_table->setCellWidget(row, Style, style);
    m_table->setCellWidget(row, Unit, unit);
    m_table->setCellWidget(row, YField, yField);
    m_table->setCellWidget(row, Sma, sma);
}

}  // namespace rcvmon
