// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "filter/color_filters.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <vector>

class QAction;
class QMenu;
class QWidget;

namespace rcvmon {

class ColoringRulesDialog;
class PacketColorizer;
class PacketTableModel;

// The packet list's colouring, wired into a window: View ▸ Colorize Packet List (kept in the
// settings) and View ▸ Coloring Rules…, the rules kept as a Wireshark colorfilters file in
// the application's config folder (Wireshark's defaults until the user saves some).
class PacketColoring : public QObject {
    Q_OBJECT
public:
    PacketColoring(QMenu* viewMenu, PacketTableModel* table, QWidget* window);

    PacketColorizer* colorizer() const { return m_colorizer; }
    QAction* colorizeAction() const { return m_colorize; }
    QAction* rulesAction() const { return m_rulesAction; }
    // The open rules dialog, if any.
    ColoringRulesDialog* dialog() const;
    // View ▸ Coloring Rules…: opens (or raises) the dialog and returns it.
    ColoringRulesDialog* showRulesDialog();

    // <AppConfigLocation>/colorfilters, as Wireshark keeps one per profile.
    static QString rulesPath();
    // Stores the rules (temporary file, then rename) and colours with them; false with why.
    bool setRules(const std::vector<ColorFilter>& rules, QString& error);
    // Why the stored rules could not be read (the defaults are used then), or lines skipped.
    QString loadProblem() const { return m_loadProblem; }

private:
    void load();
    void setColorize(bool on);

    PacketColorizer* m_colorizer;
    QWidget* m_window;
    QAction* m_colorize = nullptr;
    QAction* m_rulesAction = nullptr;
    QPointer<ColoringRulesDialog> m_dialog;
    QString m_loadProblem;
};

}  // namespace rcvmon
