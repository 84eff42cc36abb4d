// SPDX-License-Identifier: GPL-2.0-or-later
// The main window's display filter: the bar's filter applied to the packet list, and
// "Apply / Prepare as Filter" from the detail tree.
#include "main_window.h"

#include "packet_columns.h"

#include "capture_controller.h"
#include "field_filter_text.h"
#include "filter/display_filter.h"
#include "filter_bar.h"
#include "packet_detail_model.h"
#include "packet_filter_scan.h"
#include "packet_table_model.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>

namespace rcvmon {

void MainWindow::buildFilterActions()
{
    connect(m_filterBar, &FilterBar::applyRequested, this, &MainWindow::setDisplayFilter);
    connect(m_controller->filterScan(), &PacketFilterScan::advanced, this, &MainWindow::onFilterAdvanced);

    QMenu* analyze = menuBar()->addMenu(tr("&Analyze"));
    QAction* focus = analyze->addAction(tr("Display &Filter"));
    focus->setObjectName(QStringLiteral("actionFocusFilter"));
    focus->setShortcut(QKeySequence(tr("Ctrl+/")));
    connect(focus, &QAction::triggered, this, [this] {
        m_filterBar->lineEdit()->setFocus();
        m_filterBar->lineEdit()->selectAll();
    });
    analyze->addSeparator();
    m_applyAsFilter = analyze->addAction(tr("&Apply as Filter"));
    m_applyAsFilter->setObjectName(QStringLiteral("actionApplyAsFilter"));
    connect(m_applyAsFilter, &QAction::triggered, this, [this] { useSelectedField(true); });
    m_applyAsColumn = analyze->addAction(tr("Apply as Co&lumn"));
    m_applyAsColumn->setObjectName(QStringLiteral("actionApplyAsColumn"));
    m_applyAsColumn->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+I")));
    connect(m_applyAsColumn, &QAction::triggered, this, [this] {
        if (!m_columns->applyAsColumn(m_tree->currentIndex().data(PacketDetailModel::FieldNameRole).toString()))
            statusBar()->showMessage(tr("Select a field of the packet details first."), 5000);
    });
    m_prepareAsFilter = analyze->addAction(tr("&Prepare as Filter"));
    m_prepareAsFilter->setObjectName(QStringLiteral("actionPrepareAsFilter"));
    connect(m_prepareAsFilter, &QAction::triggered, this, [this] { useSelectedField(false); });

    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &MainWindow::showDetailMenu);
}

void MainWindow::showDetailMenu(const QPoint& pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    if (!index.isValid() || index.data(PacketDetailModel::FieldNameRole).toString().isEmpty()) return;
    m_tree->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(m_applyAsFilter);
    menu.addAction(m_prepareAsFilter);
    menu.addAction(m_applyAsColumn);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void MainWindow::useSelectedField(bool apply)
{
    const QModelIndex index = m_tree->currentIndex();
    const QString filter = filterForDetailNode(index.data(PacketDetailModel::FieldNameRole).toString(),
                                               index.data().toString(), !index.parent().isValid());
    if (filter.isEmpty()) {
        statusBar()->showMessage(tr("Select a field of the packet details first."), 5000);
        return;
    }
    if (apply) applyDisplayFilter(filter);
    else prepareDisplayFilter(filter);
}

void MainWindow::prepareDisplayFilter(const QString& text)
{
    m_filterBar->setText(text);
}

bool MainWindow::applyDisplayFilter(const QString& text)
{
    m_filterBar->setText(text);
    return m_filterBar->apply();  // emits applyRequested when the text compiles
}

void MainWindow::setDisplayFilter(const QString& text)
{
    std::optional<DisplayFilter> filter;
    if (!text.isEmpty()) {
        FilterError error;
        filter = DisplayFilter::compile(text.toStdString(), error);
        if (!filter) return;  // the bar shows why
    }
    const QModelIndex current = m_table->currentIndex();
    m_reselect = current.isValid() ? m_controller->tableModel()->frameNumber(current.row()) : 0;
    m_controller->filterScan()->setFilter(std::move(filter));
    onFilterAdvanced();
    updateStatus();
}

void MainWindow::onFilterAdvanced()
{
    // The packet that was selected stays selected if the new filter lets it through.
    if (m_reselect == 0) return;
    const int row = m_controller->tableModel()->rowForFrame(m_reselect);
    if (row >= 0) {
        m_table->selectRow(row);
        m_table->scrollTo(m_table->model()->index(row, 0), QAbstractItemView::PositionAtCenter);
        m_reselect = 0;
    } else if (m_controller->filterScan()->caughtUp() ||
               m_controller->filterScan()->nextNumber() > m_reselect) {
        m_reselect = 0;
    }
}

}  // namespace rcvmon
