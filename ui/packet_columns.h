// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

class QMenu;
class QPoint;
class QTableView;

namespace rcvmon {

namespace names {
class NameResolver;
}
class CaptureController;
class ColumnEditorDialog;
class CustomColumnsModel;

// The packet list's columns: custom field columns after the table's own (Apply as Column from
// the detail tree), the header's context menu to show or hide any column and to remove a
// custom one, reordering by dragging the header; the custom columns are kept in QSettings
// (the header's order, widths and hidden sections are saved with the window).
class PacketColumns : public QObject {
    Q_OBJECT
public:
    // Puts the custom-columns model between the view and the controller's table model.
    PacketColumns(QTableView* table, CaptureController* controller, QObject* parent = nullptr);

    CustomColumnsModel* model() const { return m_model; }
    // Adds a column of the display-filter field `field`; false when there is no such field.
    bool applyAsColumn(const QString& field);
    void removeColumn(int section);
    // Wireshark's "Resolved" for one column (Source, Destination or a custom one); saved.
    void setResolved(int section, bool resolved);
    // Renames a column (empty: a built-in column's own title again); saved.
    void setTitle(int section, const QString& title);
    // The names resolved columns show (the window's resolver; it outlives this).
    void setNameResolver(const names::NameResolver* resolver);
    // View ▸ Columns…
    void addToViewMenu(QMenu* view);
    ColumnEditorDialog* showEditor();

private:
    void showHeaderMenu(const QPoint& pos);
    void save() const;

    QTableView* m_table;
    CustomColumnsModel* m_model;
};

}  // namespace rcvmon
