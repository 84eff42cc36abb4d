// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

class QAction;
class QMenu;
class QTableView;
class QWidget;

namespace rcvmon {

class CaptureController;
class PacketCommentDialog;

// Edit ▸ Packet Comments as Wireshark 4.0 has it, also in the packet list's context menu:
// "Add New Comment…" (Ctrl+Alt+C); with one packet selected, one "Edit "<text>"" and one
// "Delete "<text>"" entry per comment it has; "Delete All Comments" of every selected packet.
// The comments go to the controller's side table (PacketComments): the tree shows them at
// once, the window is marked modified, and saving or exporting as pcapng writes them.
class PacketCommentActions : public QObject {
    Q_OBJECT
public:
    // Runs the dialog; tests replace it to answer without a user. Returns false on Cancel.
    using Ask = std::function<bool(PacketCommentDialog& dialog)>;

    PacketCommentActions(QMenu* edit, CaptureController* controller, QTableView* packets, QWidget* window);
    void setAsk(Ask ask) { m_ask = std::move(ask); }

    // On the selected packet (or the one in the detail pane); false when there is none (or
    // the user cancelled, or there is no comment `index`).
    bool addComment();
    bool editComment(int index);
    bool deleteComment(int index);
    // Every selected packet's comments; false when none had any.
    bool deleteAll();

    // The "Packet Comments" submenu, rebuilt for the selection each time it opens.
    QMenu* menu() const { return m_menu; }
    void rebuildMenu();
    // The packet list's context menu (holds the same submenu).
    QMenu* contextMenu() const { return m_context; }
    // A comment as a menu entry names it: one line, at most 40 characters, as Wireshark.
    static QString menuText(const QString& comment);

private:
    std::vector<std::uint64_t> selectedFrames() const;
    std::uint64_t singleFrame() const;
    std::vector<std::string> commentsOf(std::uint64_t number) const;
    void changed(std::uint64_t number);

    CaptureController* m_controller;
    QTableView* m_packets;
    QWidget* m_window;
    QMenu* m_menu;
    QMenu* m_context;
    QAction* m_add;
    QAction* m_deleteAll;
    Ask m_ask;
};

}  // namespace rcvmon
