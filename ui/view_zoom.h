// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFont>
#include <QObject>

#include <vector>

class QMenu;
class QTableView;
class QWidget;

namespace rcvmon {

// View ▸ Zoom In / Zoom Out / Normal Size (Ctrl++ or Ctrl+=, Ctrl+-, Ctrl+0) on the packet
// list, detail tree and hex pane, in whole points from each one's own font (so it follows
// the system's font and scale), kept in the settings; and View ▸ Resize Columns
// (Ctrl+Shift+R) on the packet list, Wireshark's keys.
class ViewZoom : public QObject {
    Q_OBJECT
public:
    static constexpr int MaxSteps = 12;

    ViewZoom(QMenu* view, QTableView* table, std::vector<QWidget*> others, QObject* parent);

    int steps() const { return m_steps; }
    void setSteps(int steps);
    void resizeColumns();

private:
    QTableView* m_table;
    std::vector<QWidget*> m_widgets;  // the table first
    std::vector<QFont> m_normal;      // each widget's font at zoom 0
    int m_steps = 0;
};

}  // namespace rcvmon
