// SPDX-License-Identifier: GPL-2.0-or-later
#include "export_dissections_menu.h"

#include "capture_controller.h"
#include "export_dissections_dialog.h"

#include <QAction>
#include <QMenu>

namespace rcvmon {

void addExportDissectionsMenu(QMenu* file, QTableView* table, CaptureController* controller, QWidget* window)
{
    QMenu* menu = file->addMenu(QObject::tr("Export Packet &Dissections"));
    const struct {
        const char* name;
        QString text;
        DissectionFormat format;
    } entries[] = {
        {"actionExportDissectionsCsv", QObject::tr("As &CSV…"), DissectionFormat::Csv},
        {"actionExportDissectionsJson", QObject::tr("As &JSON…"), DissectionFormat::Json},
        {"actionExportDissectionsText", QObject::tr("As Plain &Text…"), DissectionFormat::PlainText},
    };
    for (const auto& entry : entries) {
        QAction* action = menu->addAction(entry.text);
        action->setObjectName(QString::fromLatin1(entry.name));
        action->setParent(window);  // found by name from the window, as the other actions
        const DissectionFormat format = entry.format;
        QObject::connect(action, &QAction::triggered, window, [=] {
            auto* dialog = new ExportDissectionsDialog(format, table, controller->tableModel(), window);
            dialog->setCapture(controller);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowModality(Qt::WindowModal);
            dialog->show();
        });
    }
}

}  // namespace rcvmon
