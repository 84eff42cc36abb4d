// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QMenu;
class QTableView;
class QWidget;

namespace rcvmon {

class CaptureController;

// Adds File ▸ Export Packet Dissections ▸ As CSV… / As JSON… / As Plain Text… (actions
// actionExportDissectionsCsv, …Json, …Text), each opening an ExportDissectionsDialog over
// the packet list `table` shows of `controller`'s capture.
void addExportDissectionsMenu(QMenu* file, QTableView* table, CaptureController* controller, QWidget* window);

}  // namespace rcvmon
