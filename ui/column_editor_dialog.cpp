// SPDX-License-Identifier: GPL-2.0-or-later
#include "column_editor_dialog.h"
#include "palette_tone.h"

#include "custom_columns_model.h"

#include "dissect/field_registry.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rcvmon {

ColumnEditorDialog::ColumnEditorDialog(CustomColumnsModel& model, QWidget* parent)
    : QDialog(parent), m_model(model), m_table(new QTableWidget(0, 4, this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("RcvMon · Columns"));
    m_table->setHorizontalHeaderLabels({tr("Title"), tr("Field"), tr("Occurrence"), tr("Resolved")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    const std::vector<BuiltinColumn> builtin = m_model.builtinColumns();
    for (int section = 0; section < int(builtin.size()); ++section) {
        const QString title = builtin[std::size_t(section)].title;
        addBuiltinRow(section, title.isEmpty() ? m_model.defaultTitle(section) : title, builtin[std::size_t(section)].resolved);
    }
    m_builtinRows = int(builtin.size());
    for (const CustomColumn& c : m_model.columns()) addRow(c.title, c.field, c.occurrence, c.resolved);
    m_problem->setStyleSheet(errorTextStyle(palette()));

    auto* add = new QPushButton(tr("&Add"), this);
    auto* remove = new QPushButton(tr("&Remove"), this);
    auto* up = new QPushButton(tr("Move &Up"), this);
    auto* down = new QPushButton(tr("Move &Down"), this);
    auto* side = new QVBoxLayout;
    for (QPushButton* b : {add, remove, up, down}) side->addWidget(b);
    side->addStretch(1);
    auto* middle = new QHBoxLayout;
    middle->addWidget(m_table, 1);
    middle->addLayout(side);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(middle, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(680, 420);

    connect(add, &QPushButton::clicked, this, [this] {
        addRow(tr("New Column"), QStringLiteral("frame.len"), 0, false);
        m_table->setCurrentCell(m_table->rowCount() - 1, 1);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= m_builtinRows) m_table->removeRow(m_table->currentRow());
    });
    connect(up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply()) accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ColumnEditorDialog::addBuiltinRow(int section, const QString& title, bool resolved)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, TitleColumn, new QTableWidgetItem(title));
    auto* type = new QTableWidgetItem(tr("(built-in: %1)").arg(m_model.defaultTitle(section)));
    type->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    m_table->setItem(row, FieldColumn, type);
    auto* occurrence = new QTableWidgetItem;
    occurrence->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    m_table->setItem(row, OccurrenceColumn, occurrence);
    auto* check = new QTableWidgetItem;
    if (m_model.canResolve(section)) {
        check->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        check->setCheckState(resolved ? Qt::Checked : Qt::Unchecked);
    } else {
        check->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    }
    m_table->setItem(row, ResolvedColumn, check);
}

void ColumnEditorDialog::addRow(const QString& title, const QString& field, int occurrence, bool resolved)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, TitleColumn, new QTableWidgetItem(title));
    m_table->setItem(row, FieldColumn, new QTableWidgetItem(field));
    auto* n = new QTableWidgetItem;
    n->setData(Qt::EditRole, occurrence);
    m_table->setItem(row, OccurrenceColumn, n);
    auto* check = new QTableWidgetItem;
    check->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    check->setCheckState(resolved ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(row, ResolvedColumn, check);
}

void ColumnEditorDialog::moveCurrent(int by)
{
    const int row = m_table->currentRow();
    const int to = row + by;
    if (row < m_builtinRows || to < m_builtinRows || to >= m_table->rowCount()) return;
    for (int c = 0; c < m_table->columnCount(); ++c) {
        QTableWidgetItem* a = m_table->takeItem(row, c);
        QTableWidgetItem* b = m_table->takeItem(to, c);
        m_table->setItem(row, c, b);
        m_table->setItem(to, c, a);
    }
    m_table->setCurrentCell(to, m_table->currentColumn());
}

bool ColumnEditorDialog::apply()
{
    std::vector<BuiltinColumn> builtin;
    for (int r = 0; r < m_builtinRows; ++r) {
        // A title left as the table's own is kept empty: it follows the table's wording.
        const QString title = m_table->item(r, TitleColumn)->text().trimmed();
        builtin.push_back({title == m_model.defaultTitle(r) ? QString() : title,
                           m_table->item(r, ResolvedColumn)->checkState() != Qt::Unchecked});
    }
    std::vector<CustomColumn> columns;
    for (int r = m_builtinRows; r < m_table->rowCount(); ++r) {
        const QString field = m_table->item(r, FieldColumn)->text().trimmed();
        if (!findField(field.toStdString())) {
            m_problem->setText(tr("Row %1: “%2” is not a display-filter field.").arg(r + 1).arg(field));
            m_table->setCurrentCell(r, 1);
            return false;
        }
        columns.push_back(CustomColumn{m_table->item(r, TitleColumn)->text(), field,
                                       m_table->item(r, OccurrenceColumn)->data(Qt::EditRole).toInt(),
                                       m_table->item(r, ResolvedColumn)->checkState() == Qt::Checked});
    }
    m_problem->clear();
    m_model.setColumns(columns);
    m_model.setBuiltinColumns(builtin);
    emit applied();
    return true;
}

}  // namespace rcvmon
