// SPDX-License-Identifier: GPL-2.0-or-later
#include "protocol_hierarchy_dialog.h"

#include "protocol_hierarchy_model.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace rcvmon {

ProtocolHierarchyDialog::ProtocolHierarchyDialog(const StatisticsFeed* feed, QWidget* parent)
    : QDialog(parent), m_model(new ProtocolHierarchyModel(feed, this)), m_tree(new QTreeView(this)),
      m_timer(new QTimer(this))
{
    setWindowTitle(tr("Protocol Hierarchy Statistics"));
    resize(760, 480);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(ProtocolHierarchyModel::SortRole);
    m_tree->setObjectName(QStringLiteral("protocolHierarchyTree"));
    m_tree->setModel(proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(-1, Qt::AscendingOrder);  // as first seen, until the user sorts
    m_tree->setUniformRowHeights(true);
    m_tree->header()->resizeSection(ProtocolHierarchyModel::Protocol, 240);
    // New paths appear expanded, as Wireshark shows the whole tree.
    connect(proxy, &QAbstractItemModel::rowsInserted, m_tree, [this] { m_tree->expandAll(); });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &ProtocolHierarchyDialog::refresh);
}

void ProtocolHierarchyDialog::refresh()
{
    m_model->refresh();
}

void ProtocolHierarchyDialog::showEvent(QShowEvent* event)
{
    refresh();
    m_tree->expandAll();
    m_timer->start();
    QDialog::showEvent(event);
}

void ProtocolHierarchyDialog::hideEvent(QHideEvent* event)
{
    m_timer->stop();
    QDialog::hideEvent(event);
}

}  // namespace rcvmon
