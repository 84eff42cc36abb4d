// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

#include <cstdint>
#include <functional>

class QMenu;
class QWidget;

namespace rcvmon {

class CaptureController;
class PacketCommentDialog;

// Edit ▸ Packet Comments ▸ Add New Comment… (Ctrl+Alt+C) and Delete All Comments, as
// Wireshark 4.0 has them, on the packet shown in the detail pane. The comments go to the
// controller's side table (PacketComments): the tree shows them at once, the window is marked
// modified, and exporting the packets as pcapng writes them.
class PacketCommentActions : public QObject {
    Q_OBJECT
public:
    // Runs the dialog; tests replace it to answer without a user. Returns false on Cancel.
    using Ask = std::function<bool(PacketCommentDialog& dialog)>;

    PacketCommentActions(QMenu* edit, CaptureController* controller, QWidget* window);
    void setAsk(Ask ask) { m_ask = std::move(ask); }

    // On the packet in the detail pane; false when there is none (or the user cancelled).
    bool addComment();
    bool deleteAll();

private:
    void changed(std::uint64_t number);

    CaptureController* m_controller;
    QWidget* m_window;
    Ask m_ask;
};

}  // namespace rcvmon
