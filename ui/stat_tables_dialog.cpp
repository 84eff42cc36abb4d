// SPDX-License-Identifier: GPL-2.0-or-later
#include "stat_tables_dialog.h"

#include "stat_table_model.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace rcvmon {

namespace {
QString tabTitle(StatKind kind)
{
    switch (kind) {
    case StatKind::Ethernet: return QStringLiteral("Ethernet");
    case StatKind::Ipv4: return QStringLiteral("IPv4");
    case StatKind::Ipv6: return QStringLiteral("IPv6");
    case StatKind::Tcp: return QStringLiteral("TCP");
    case StatKind::Udp: return QStringLiteral("UDP");
    }
    return {};
}
}  // namespace

StatTablesDialog::StatTablesDialog(const QString& title, const QString& filterText, ModelFactory makeModel,
                                   std::vector<int> portColumns, QWidget* parent)
    : QDialog(parent), m_tabs(new QTabWidget(this)), m_filterButton(new QPushButton(filterText, this)),
      m_timer(new QTimer(this))
{
    setWindowTitle(title);
    resize(1000, 480);
    for (StatKind kind : kAllStatKinds) {
        const std::size_t i = statKindIndex(kind);
        m_models[i] = makeModel(kind, this);
        m_proxies[i] = new QSortFilterProxyModel(this);
        m_proxies[i]->setSourceModel(m_models[i]);
        m_proxies[i]->setSortRole(StatTableModel::SortRole);
        auto* table = new QTableView(this);
        table->setObjectName(QStringLiteral("statTable_") + tabTitle(kind));
        table->setModel(m_proxies[i]);
        table->setSortingEnabled(true);
        table->sortByColumn(-1, Qt::AscendingOrder);  // first seen, until the user picks a column
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setSelectionMode(QAbstractItemView::SingleSelection);
        table->verticalHeader()->hide();
        table->setWordWrap(false);
        table->setContextMenuPolicy(Qt::CustomContextMenu);
        if (!statKindHasPorts(kind))
            for (int column : portColumns) table->setColumnHidden(column, true);
        connect(table, &QTableView::customContextMenuRequested, this, [this, table](const QPoint& pos) {
            if (!table->indexAt(pos).isValid()) return;
            QMenu menu(this);
            connect(menu.addAction(m_filterButton->text()), &QAction::triggered, this, &StatTablesDialog::requestFilter);
            menu.exec(table->viewport()->mapToGlobal(pos));
        });
        connect(table, &QTableView::doubleClicked, this, &StatTablesDialog::requestFilter);
        m_tables[i] = table;
        m_tabs->addTab(table, tabTitle(kind));
    }
    m_filterButton->setObjectName(QStringLiteral("filterOnRow"));
    connect(m_filterButton, &QPushButton::clicked, this, &StatTablesDialog::requestFilter);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_filterButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &StatTablesDialog::refresh);
}

void StatTablesDialog::showKind(StatKind kind)
{
    m_tabs->setCurrentIndex(static_cast<int>(statKindIndex(kind)));
}

void StatTablesDialog::refresh()
{
    for (StatKind kind : kAllStatKinds) {
        const std::size_t i = statKindIndex(kind);
        const bool wasEmpty = m_models[i]->rowCount() == 0;
        m_models[i]->refresh();
        if (wasEmpty && m_models[i]->rowCount() > 0) m_tables[i]->resizeColumnsToContents();  // fit the first rows
        m_tabs->setTabText(static_cast<int>(i), QStringLiteral("%1 · %2").arg(tabTitle(kind)).arg(m_models[i]->rowCount()));
    }
}

QString StatTablesDialog::currentRowFilter() const
{
    const auto* table = qobject_cast<QTableView*>(m_tabs->currentWidget());
    if (!table || !table->currentIndex().isValid()) return {};
    return table->currentIndex().siblingAtColumn(0).data(StatTableModel::FilterRole).toString();
}

void StatTablesDialog::requestFilter()
{
    const QString filter = currentRowFilter();
    if (!filter.isEmpty()) emit filterRequested(filter);
}

void StatTablesDialog::showEvent(QShowEvent* event)
{
    refresh();
    m_timer->start();
    QDialog::showEvent(event);
}

void StatTablesDialog::hideEvent(QHideEvent* event)
{
    m_timer->stop();
    QDialog::hideEvent(event);
}

}  // namespace rcvmon
