// SPDX-License-Identifier: GPL-2.0-or-later
#include "time_reference.h"

#include "packet_table_model.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTableView>

namespace rcvmon {

TimeReference::TimeReference(QMenu* edit, QTableView* table, PacketTableModel* model, QObject* parent)
    : QObject(parent), m_table(table), m_model(model)
{
    edit->addSeparator();
    QAction* toggle = edit->addAction(tr("Set/Unset Time &Reference"));
    toggle->setParent(parent);
    toggle->setObjectName(QStringLiteral("actionTimeReference"));
    toggle->setShortcut(QKeySequence(tr("Ctrl+T")));
    toggle->setToolTip(tr("Set or unset a time reference for this packet"));
    connect(toggle, &QAction::triggered, this, &TimeReference::toggleSelected);
    QAction* clear = edit->addAction(tr("Unset All Time References"));
    clear->setParent(parent);
    clear->setObjectName(QStringLiteral("actionUnsetTimeReferences"));
    clear->setShortcut(QKeySequence(tr("Ctrl+Alt+T")));
    connect(clear, &QAction::triggered, m_model, &PacketTableModel::clearTimeReferences);
}

bool TimeReference::toggleSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        const std::uint64_t n = m_model->frameNumber(index.row());
        m_model->setTimeReference(n, !m_model->isTimeReference(n));
    }
    return !rows.isEmpty();
}

}  // namespace rcvmon
