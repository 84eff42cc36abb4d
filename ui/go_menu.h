// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

class QAction;
class QMenu;
class QTableView;

namespace rcvmon {

class CaptureController;

// Wireshark's Go menu over the packet list: previous/next, first/last, previous/next packet
// in the selected packet's conversation (same TCP/UDP address and port pair, either way),
// and back/forward through the packets selected before. Moving goes through `select` (the
// window's selectFrame: it stops auto-scroll and shows the row).
class GoMenu : public QObject {
    Q_OBJECT
public:
    using Select = std::function<bool(std::uint64_t frame)>;

    // Adds the actions to `menu` (goToPacket, the window's own action, first).
    GoMenu(QMenu* menu, QAction* goToPacket, QTableView* table, CaptureController* controller, Select select,
           QObject* parent);

    bool previousPacket() { return stepRow(-1); }
    bool nextPacket() { return stepRow(+1); }
    bool firstPacket();
    bool lastPacket();
    bool previousInConversation() { return stepConversation(-1); }
    bool nextInConversation() { return stepConversation(+1); }
    bool back();
    bool forward();

private:
    QAction* add(QMenu* menu, const QString& name, const QString& text, const QKeySequence& key, bool (GoMenu::*slot)());
    std::optional<std::uint64_t> currentFrame() const;
    bool stepRow(int delta);
    bool stepConversation(int delta);
    void noteSelection();
    bool jumpInHistory(std::size_t position);

    QTableView* m_table;
    CaptureController* m_controller;
    Select m_select;
    std::vector<std::uint64_t> m_history;  // frames selected, oldest first (bounded)
    std::size_t m_position = 0;            // the history entry shown now
    bool m_travelling = false;             // selection made by back/forward: not recorded
};

}  // namespace rcvmon
