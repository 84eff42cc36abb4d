// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_coloring.h"

#include "coloring_rules_dialog.h"
#include "packet_colorizer.h"
#include "packet_table_model.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QMainWindow>
#include <QMenu>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace rcvmon {
namespace {
const QString ColorizeKey = QStringLiteral("view/colorize");
}

PacketColoring::PacketColoring(QMenu* viewMenu, PacketTableModel* table, QWidget* window)
    : QObject(window), m_colorizer(new PacketColorizer(this)), m_window(window)
{
    load();
    m_colorizer->setEnabled(QSettings().value(ColorizeKey, true).toBool());
    table->setColorizer(m_colorizer);

    viewMenu->addSeparator();
    // Wireshark gives neither action a shortcut.
    m_colorize = viewMenu->addAction(tr("Colori&ze Packet List"));
    m_colorize->setObjectName(QStringLiteral("actionColorize"));
    m_colorize->setToolTip(tr("Draw packets using your coloring rules"));
    m_colorize->setCheckable(true);
    m_colorize->setChecked(m_colorizer->isEnabled());
    connect(m_colorize, &QAction::toggled, this, &PacketColoring::setColorize);
    m_rulesAction = viewMenu->addAction(tr("Colo&ring Rules…"));
    m_rulesAction->setObjectName(QStringLiteral("actionColoringRules"));
    connect(m_rulesAction, &QAction::triggered, this, &PacketColoring::showRulesDialog);
}

QString PacketColoring::rulesPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/colorfilters");
}

void PacketColoring::load()
{
    QFile file(rulesPath());
    if (!file.exists()) return;  // the colorizer starts with Wireshark's defaults
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadProblem = tr("Coloring rules %1 could not be read (%2); using the defaults.").arg(file.fileName(), file.errorString());
    } else {
        const QByteArray bytes = file.readAll();
        std::vector<std::string> problems;
        std::vector<ColorFilter> rules =
            parseColorFilters(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), &problems);
        if (!problems.empty())
            m_loadProblem = tr("Coloring rules %1: skipped %2").arg(file.fileName(), QString::fromStdString(problems.front()));
        m_colorizer->setRules(std::move(rules));  // an empty file means no rules, as in Wireshark
    }
    if (auto* main = qobject_cast<QMainWindow*>(m_window); main && !m_loadProblem.isEmpty())
        main->statusBar()->showMessage(m_loadProblem, 10000);
}

void PacketColoring::setColorize(bool on)
{
    m_colorizer->setEnabled(on);
    QSettings().setValue(ColorizeKey, on);
}

bool PacketColoring::setRules(const std::vector<ColorFilter>& rules, QString& error)
{
    const QString path = rulesPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    const std::string text = writeColorFilters(rules);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) ||
        !file.commit()) {
        error = tr("The coloring rules could not be saved to %1: %2").arg(path, file.errorString());
        return false;
    }
    m_colorizer->setRules(rules);
    return true;
}

ColoringRulesDialog* PacketColoring::dialog() const
{
    return m_dialog;
}

ColoringRulesDialog* PacketColoring::showRulesDialog()
{
    if (!m_dialog) {
        m_dialog = new ColoringRulesDialog(m_colorizer->rules(), m_window);
        // OK, Cancel and the close button all finish it; the next open starts from the rules in use.
        connect(m_dialog, &QDialog::finished, m_dialog, &QObject::deleteLater);
        connect(m_dialog, &ColoringRulesDialog::applied, this, [this](const std::vector<ColorFilter>& rules) {
            QString error;
            if (!setRules(rules, error)) m_dialog->showProblem(error);
        });
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

}  // namespace rcvmon
