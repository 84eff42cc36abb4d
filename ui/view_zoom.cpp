// SPDX-License-Identifier: GPL-2.0-or-later
#include "view_zoom.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QTableView>

#include <algorithm>

namespace rcvmon {

namespace {
const QString kKey = QStringLiteral("view/zoom");
}

ViewZoom::ViewZoom(QMenu* view, QTableView* table, std::vector<QWidget*> others, QObject* parent)
    : QObject(parent), m_table(table)
{
    m_widgets.push_back(table);
    m_widgets.insert(m_widgets.end(), others.begin(), others.end());
    for (QWidget* w : m_widgets) m_normal.push_back(w->font());

    QMenu* zoom = view->addMenu(tr("&Zoom"));
    const auto add = [&](const QString& name, const QString& text, const QList<QKeySequence>& keys) {
        QAction* action = zoom->addAction(text);
        action->setParent(parent);
        action->setObjectName(name);
        action->setShortcuts(keys);
        return action;
    };
    // Ctrl+= too: on most layouts "+" needs Shift, and Wireshark users press Ctrl+= for it.
    connect(add(QStringLiteral("actionZoomIn"), tr("Zoom &In"), {QKeySequence(tr("Ctrl++")), QKeySequence(tr("Ctrl+="))}),
            &QAction::triggered, this, [this] { setSteps(m_steps + 1); });
    connect(add(QStringLiteral("actionZoomOut"), tr("Zoom &Out"), {QKeySequence(tr("Ctrl+-"))}), &QAction::triggered, this,
            [this] { setSteps(m_steps - 1); });
    connect(add(QStringLiteral("actionZoomNormal"), tr("&Normal Size"), {QKeySequence(tr("Ctrl+0"))}), &QAction::triggered,
            this, [this] { setSteps(0); });
    QAction* resize = view->addAction(tr("Resize &Columns"));
    resize->setParent(parent);
    resize->setObjectName(QStringLiteral("actionResizeColumns"));
    resize->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    resize->setToolTip(tr("Resize packet list columns to fit contents"));
    connect(resize, &QAction::triggered, this, &ViewZoom::resizeColumns);
    setSteps(QSettings().value(kKey, 0).toInt());
}

void ViewZoom::setSteps(int steps)
{
    m_steps = std::clamp(steps, -MaxSteps, MaxSteps);
    for (std::size_t i = 0; i < m_widgets.size(); ++i) {
        QFont font = m_normal[i];
        const qreal size = font.pointSizeF() > 0 ? font.pointSizeF() : 10.0;
        font.setPointSizeF(std::max(4.0, size + m_steps));
        m_widgets[i]->setFont(font);
    }
    // The table's fixed row height follows its font (it never measures rows).
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    QSettings().setValue(kKey, m_steps);
}

void ViewZoom::resizeColumns()
{
    // Qt measures the rows on screen and a bounded sample (the header's resizeContentsPrecision),
    // never all of millions.
    QHeaderView* header = m_table->horizontalHeader();
    for (int c = 0; c < header->count(); ++c) {
        if (header->isSectionHidden(c)) continue;
        m_table->resizeColumnToContents(c);
    }
}

}  // namespace rcvmon
