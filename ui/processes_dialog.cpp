// SPDX-License-Identifier: GPL-2.0-or-later
#include "processes_dialog.h"

#include "process_table_model.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace rcvmon {

ProcessesDialog::ProcessesDialog(const ProcessTraffic* traffic, QWidget* parent)
    : QDialog(parent), m_model(new ProcessTableModel(traffic, this)), m_table(new QTableView(this)),
      m_timer(new QTimer(this))
{
    setWindowTitle(tr("Processes"));
    resize(820, 400);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(ProcessTableModel::SortRole);
    m_table->setObjectName(QStringLiteral("processTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);  // first seen, until the user picks a column
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // Why the numbers are partial: the list looks owners up for the rows it shows.
    auto* note = new QLabel(tr("Live captures only: counts the packets whose Process cell the packet list has shown."), this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &ProcessesDialog::refresh);
}

void ProcessesDialog::refresh()
{
    const bool wasEmpty = m_model->rowCount() == 0;
    m_model->refresh();
    if (wasEmpty && m_model->rowCount() > 0) m_table->resizeColumnsToContents();  // fit the first rows
}

void ProcessesDialog::showEvent(QShowEvent* event)
{
    refresh();
    m_timer->start();
    QDialog::showEvent(event);
}

void ProcessesDialog::hideEvent(QHideEvent* event)
{
    m_timer->stop();
    QDialog::hideEvent(event);
}

}  // namespace rcvmon
