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
    : QDialog(parent), m_model(model), m_table(new QTableWidget(0, 3, this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("RcvMon · Custom Columns"));
    m_table->setHorizontalHeaderLabels({tr("Title"), tr("Field"), tr("Occurrence")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    for (const CustomColumn& c : m_model.columns()) addRow(c.title, c.field, c.occurrence);
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
    resize(640, 320);

    connect(add, &QPushButton::clicked, this, [this] {
        addRow(tr("New Column"), QStringLiteral("frame.len"), 0);
        m_table->setCurrentCell(m_table->rowCount() - 1, 1);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0) m_table->removeRow(m_table->currentRow());
    });
    connect(up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply()) accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ColumnEditorDialog::addRow(const QString& title, const QString& field, int occurrence)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(title));
    m_table->setItem(row, 1, new QTableWidgetItem(field));
    auto* n = new QTableWidgetItem;
    n->setData(Qt::EditRole, occurrence);
    m_table->setItem(row, 2, n);
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
    std::vector<CustomColumn> columns;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QString field = m_table->item(r, 1)->text().trimmed();
        if (!findField(field.toStdString())) {
            m_problem->setText(tr("Row %1: “%2” is not a display-filter field.").arg(r + 1).arg(field));
            m_table->setCurrentCell(r, 1);
            return false;
        }
        columns.push_back(CustomColumn{m_table->item(r, 0)->text(), field, m_table->item(r, 2)->data(Qt::EditRole).toInt()});
    }
    m_problem->clear();
    m_model.setColumns(columns);
    emit applied();
    return true;
}

}  // namespace rcvmon
