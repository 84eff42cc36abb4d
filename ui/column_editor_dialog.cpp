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

#include <algorithm>

namespace rcvmon {

ColumnEditorDialog::ColumnEditorDialog(CustomColumnsModel& model, QWidget* parent, QHeaderView* header)
    : QDialog(parent), m_model(model), m_header(header), m_table(new QTableWidget(0, 5, this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("RcvMon · Columns"));
    m_table->setHorizontalHeaderLabels({tr("Title"), tr("Field"), tr("Occurrence"), tr("Resolved"), tr("Displayed")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    const std::vector<BuiltinColumn> builtin = m_model.builtinColumns();
    m_builtinRows = int(builtin.size());
    // The rows in the list's order: the header's visual order when there is one.
    std::vector<int> order;
    for (int section = 0; section < m_model.columnCount(); ++section) order.push_back(section);
    if (m_header && m_header->count() == m_model.columnCount())
        std::sort(order.begin(), order.end(), [this](int a, int b) { return m_header->visualIndex(a) < m_header->visualIndex(b); });
    const int firstCustom = m_model.firstCustomColumn();
    for (const int section : order) {
        const bool shown = !m_header || !m_header->isSectionHidden(section);
        if (section < firstCustom) {
            const QString title = builtin[std::size_t(section)].title;
            addBuiltinRow(section, title.isEmpty() ? m_model.defaultTitle(section) : title,
                          builtin[std::size_t(section)].resolved, shown);
        } else {
            const CustomColumn& c = m_model.columns()[std::size_t(section - firstCustom)];
            addRow(c.title, c.field, c.occurrence, c.resolved, shown);
        }
    }
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
        // The table's own columns are hidden (Displayed), not removed.
        const int row = m_table->currentRow();
        if (row >= 0 && builtinSection(row) < 0) m_table->removeRow(row);
    });
    connect(up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply()) accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

int ColumnEditorDialog::builtinSection(int row) const
{
    const QTableWidgetItem* title = m_table->item(row, TitleColumn);
    return title && title->data(Qt::UserRole).isValid() ? title->data(Qt::UserRole).toInt() : -1;
}

void ColumnEditorDialog::addDisplayed(int row, bool shown)
{
    auto* check = new QTableWidgetItem;
    check->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    check->setCheckState(shown ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(row, DisplayedColumn, check);
}

void ColumnEditorDialog::addBuiltinRow(int section, const QString& title, bool resolved, bool shown)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto* titleItem = new QTableWidgetItem(title);
    titleItem->setData(Qt::UserRole, section);  // which of the table's own columns this row is
    m_table->setItem(row, TitleColumn, titleItem);
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
    addDisplayed(row, shown);
}

void ColumnEditorDialog::addRow(const QString& title, const QString& field, int occurrence, bool resolved, bool shown)
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
    addDisplayed(row, shown);
}

void ColumnEditorDialog::moveCurrent(int by)
{
    const int row = m_table->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_table->rowCount()) return;
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
    std::vector<BuiltinColumn> builtin = m_model.builtinColumns();
    std::vector<CustomColumn> columns;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const int section = builtinSection(r);
        if (section >= 0) {
            // A title left as the table's own is kept empty: it follows the table's wording.
            const QString title = m_table->item(r, TitleColumn)->text().trimmed();
            builtin[std::size_t(section)] = {title == m_model.defaultTitle(section) ? QString() : title,
                                             m_table->item(r, ResolvedColumn)->checkState() != Qt::Unchecked};
            continue;
        }
        const QString field = m_table->item(r, FieldColumn)->text().trimmed();
        if (!CustomColumnsModel::knownField(field)) {
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
    if (m_header && m_header->count() == m_model.columnCount()) {
        // The rows' order is the list's: row r's section goes to visual position r. Custom
        // columns are the model's sections after the table's own, in the rows' order.
        int custom = m_model.firstCustomColumn();
        for (int r = 0; r < m_table->rowCount(); ++r) {
            const int section = builtinSection(r) >= 0 ? builtinSection(r) : custom++;
            m_header->moveSection(m_header->visualIndex(section), r);
            m_header->setSectionHidden(section, m_table->item(r, DisplayedColumn)->checkState() == Qt::Unchecked);
        }
    }
    emit applied();
    return true;
}

}  // namespace rcvmon
