// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_columns.h"

#include "capture_controller.h"
#include "column_editor_dialog.h"
#include "custom_columns_model.h"
#include "packet_table_model.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QTableView>

namespace rcvmon {

PacketColumns::PacketColumns(QTableView* table, CaptureController* controller, QObject* parent)
    : QObject(parent), m_table(table), m_model(new CustomColumnsModel([controller] { return controller->storeView(); }, this))
{
    m_model->setSourceModel(controller->tableModel());
    m_model->setReplayLookup([controller] { return controller->frameReplay(); });
    QSettings settings;
    m_model->restore(settings);
    m_table->setModel(m_model);
    QHeaderView* header = m_table->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &PacketColumns::showHeaderMenu);
}

bool PacketColumns::applyAsColumn(const QString& field)
{
    const bool ok = m_model->addField(field);
    if (ok) save();
    return ok;
}

void PacketColumns::removeColumn(int section)
{
    const int custom = section - m_model->firstCustomColumn();
    if (custom < 0 || custom >= int(m_model->columns().size())) return;
    auto columns = m_model->columns();
    columns.erase(columns.begin() + custom);
    m_model->setColumns(columns);
    save();
}

void PacketColumns::setNameResolver(const names::NameResolver* resolver)
{
    m_model->setNameResolver(resolver);
}

void PacketColumns::setResolved(int section, bool resolved)
{
    if (!m_model->canResolve(section)) return;
    const int custom = section - m_model->firstCustomColumn();
    if (custom >= 0) {
        if (custom >= int(m_model->columns().size())) return;
        auto columns = m_model->columns();
        columns[std::size_t(custom)].resolved = resolved;
        m_model->setColumns(columns);
    } else {
        auto builtin = m_model->builtinColumns();
        builtin[std::size_t(section)].resolved = resolved;
        m_model->setBuiltinColumns(builtin);
    }
    save();
}

void PacketColumns::setTitle(int section, const QString& title)
{
    const int custom = section - m_model->firstCustomColumn();
    if (section < 0 || custom >= int(m_model->columns().size())) return;
    if (custom >= 0) {
        auto columns = m_model->columns();
        columns[std::size_t(custom)].title = title;
        m_model->setColumns(columns);
    } else {
        auto builtin = m_model->builtinColumns();
        builtin[std::size_t(section)].title = title == m_model->defaultTitle(section) ? QString() : title;
        m_model->setBuiltinColumns(builtin);
    }
    save();
}

void PacketColumns::addToViewMenu(QMenu* view)
{
    QAction* action = view->addAction(tr("&Columns…"));
    action->setObjectName(QStringLiteral("actionColumnEditor"));
    connect(action, &QAction::triggered, this, [this] { showEditor(); });
}

ColumnEditorDialog* PacketColumns::showEditor()
{
    auto* dialog = new ColumnEditorDialog(*m_model, m_table->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ColumnEditorDialog::applied, this, &PacketColumns::save);
    dialog->show();
    return dialog;
}

void PacketColumns::save() const
{
    QSettings settings;
    m_model->save(settings);
}

void PacketColumns::showHeaderMenu(const QPoint& pos)
{
    QHeaderView* header = m_table->horizontalHeader();
    const int section = header->logicalIndexAt(pos);
    QMenu menu(m_table);
    // Wireshark's header menu: every column with a check to show or hide it.
    for (int c = 0; c < m_model->columnCount(); ++c) {
        QAction* action = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(c));
        connect(action, &QAction::toggled, header, [header, c](bool shown) { header->setSectionHidden(c, !shown); });
    }
    if (section >= 0 && m_model->canResolve(section)) {
        menu.addSeparator();
        // Wireshark's "Resolve Names" for the column under the pointer.
        const int custom = section - m_model->firstCustomColumn();
        const bool resolved = custom >= 0 ? m_model->columns()[std::size_t(custom)].resolved
                                          : m_model->builtinColumns()[std::size_t(section)].resolved;
        QAction* names = menu.addAction(tr("Resolve &Names"));
        names->setCheckable(true);
        names->setChecked(resolved);
        connect(names, &QAction::toggled, this, [this, section](bool on) { setResolved(section, on); });
    }
    if (section >= m_model->firstCustomColumn()) {
        menu.addSeparator();
        QAction* remove = menu.addAction(tr("Remove This Column"));
        connect(remove, &QAction::triggered, this, [this, section] { removeColumn(section); });
    }
    menu.exec(header->viewport()->mapToGlobal(pos));
}

}  // namespace rcvmon
