// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QTimer;
class QTreeView;

namespace rcvmon {

class ProtocolHierarchyModel;
class StatisticsFeed;

// Statistics ▸ Protocol Hierarchy: the tree of protocol paths with their packets and
// bytes, refreshed about once a second while it is shown.
class ProtocolHierarchyDialog : public QDialog {
    Q_OBJECT
public:
    explicit ProtocolHierarchyDialog(const StatisticsFeed* feed, QWidget* parent = nullptr);

    ProtocolHierarchyModel* model() const { return m_model; }
    QTreeView* tree() const { return m_tree; }
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    ProtocolHierarchyModel* m_model;
    QTreeView* m_tree;
    QTimer* m_timer;
};

}  // namespace rcvmon
