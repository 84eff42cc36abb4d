// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stats/stat_kind.h"

#include <QDialog>

#include <functional>
#include <vector>

class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace rcvmon {

class StatTableModel;

// Statistics ▸ Conversations and ▸ Endpoints: one sortable table per kind (Ethernet, IPv4,
// IPv6, TCP, UDP) in tabs, refreshed about once a second while it is shown, and a button
// (and context menu) that filters the packet list on the selected row's traffic.
class StatTablesDialog : public QDialog {
    Q_OBJECT
public:
    using ModelFactory = std::function<StatTableModel*(StatKind kind, QObject* parent)>;

    StatTablesDialog(const QString& title, const QString& filterText, ModelFactory makeModel,
                     std::vector<int> portColumns, QWidget* parent = nullptr);

    StatTableModel* model(StatKind kind) const { return m_models[statKindIndex(kind)]; }
    QTableView* table(StatKind kind) const { return m_tables[statKindIndex(kind)]; }
    void showKind(StatKind kind);
    // Reads the statistics again (the timer does this every second while shown).
    void refresh();
    // The filter for the current row of the visible tab; empty when no row is selected.
    QString currentRowFilter() const;

signals:
    void filterRequested(const QString& filter);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void requestFilter();

    QTabWidget* m_tabs;
    QPushButton* m_filterButton;
    QTimer* m_timer;
    StatTableModel* m_models[kStatKindCount] = {};
    QSortFilterProxyModel* m_proxies[kStatKindCount] = {};
    QTableView* m_tables[kStatKindCount] = {};
};

}  // namespace rcvmon
