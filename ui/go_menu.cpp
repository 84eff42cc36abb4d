// SPDX-License-Identifier: GPL-2.0-or-later
#include "go_menu.h"

#include "capture_controller.h"
#include "frame_flow_key.h"
#include "packet_store_view.h"
#include "packet_table_model.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTableView>

#include <algorithm>

namespace rcvmon {

namespace {
constexpr std::size_t MaxHistory = 1000;

// The frame's TCP/UDP conversation with its two ends in a fixed order, so both directions match.
std::optional<FlowKey> conversationOf(PacketStoreView* store, std::uint64_t frame)
{
    FrameRef ref;
    if (!store || !store->frame(frame, ref)) return std::nullopt;
    // Incoming: any frame gets a key (its destination as "local"), whichever way it went.
    std::optional<FlowKey> key = localFlowKey(ref.linkType, ref.data, Direction::Incoming);
    if (!key) return std::nullopt;
    const auto order = [](const FlowEndpoint& e) { return std::make_pair(e.address, e.port); };
    if (order(key->remote) < order(key->local)) std::swap(key->local, key->remote);
    return key;
}
}  // namespace

GoMenu::GoMenu(QMenu* menu, QAction* goToPacket, QTableView* table, CaptureController* controller, Select select,
               QObject* parent)
    : QObject(parent), m_table(table), m_controller(controller), m_select(std::move(select))
{
    if (goToPacket) menu->addAction(goToPacket);
    menu->addSeparator();
    // Wireshark's keys (its main_window.ui): Ctrl+Down/Up, Ctrl+Home/End, Ctrl+. / Ctrl+,, Alt+Right/Left.
    add(menu, QStringLiteral("actionGoNext"), tr("Next Packet"), QKeySequence(tr("Ctrl+Down")), &GoMenu::nextPacket);
    add(menu, QStringLiteral("actionGoPrevious"), tr("Previous Packet"), QKeySequence(tr("Ctrl+Up")), &GoMenu::previousPacket);
    add(menu, QStringLiteral("actionGoFirst"), tr("First Packet"), QKeySequence(tr("Ctrl+Home")), &GoMenu::firstPacket);
    add(menu, QStringLiteral("actionGoLast"), tr("Last Packet"), QKeySequence(tr("Ctrl+End")), &GoMenu::lastPacket);
    add(menu, QStringLiteral("actionGoNextConversation"), tr("Next Packet in Conversation"), QKeySequence(tr("Ctrl+.")),
        &GoMenu::nextInConversation);
    add(menu, QStringLiteral("actionGoPreviousConversation"), tr("Previous Packet in Conversation"),
        QKeySequence(tr("Ctrl+,")), &GoMenu::previousInConversation);
    add(menu, QStringLiteral("actionGoForward"), tr("Next Packet in History"), QKeySequence(tr("Alt+Right")), &GoMenu::forward);
    add(menu, QStringLiteral("actionGoBack"), tr("Previous Packet in History"), QKeySequence(tr("Alt+Left")), &GoMenu::back);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &GoMenu::noteSelection);
    // A new file or capture starts a new history.
    connect(m_controller, &CaptureController::stateChanged, this, [this] {
        if (m_controller->state() == CaptureController::State::Empty || m_controller->state() == CaptureController::State::Loading) {
            m_history.clear();
            m_position = 0;
        }
    });
}

QAction* GoMenu::add(QMenu* menu, const QString& name, const QString& text, const QKeySequence& key, bool (GoMenu::*slot)())
{
    QAction* action = menu->addAction(text);
    action->setParent(parent());  // the window: shortcuts work wherever the focus is in it
    action->setObjectName(name);
    action->setShortcut(key);
    connect(action, &QAction::triggered, this, [this, slot] { (this->*slot)(); });
    return action;
}

std::optional<std::uint64_t> GoMenu::currentFrame() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) return std::nullopt;
    return m_controller->tableModel()->frameNumber(current.row());
}

bool GoMenu::stepRow(int delta)
{
    const PacketTableModel* model = m_controller->tableModel();
    if (model->rowCount() == 0) return false;
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : model->rowCount() - 1);
    if (row < 0 || row >= model->rowCount()) return false;
    return m_select(model->frameNumber(row));
}

bool GoMenu::firstPacket()
{
    const PacketTableModel* model = m_controller->tableModel();
    return model->rowCount() > 0 && m_select(model->frameNumber(0));
}

bool GoMenu::lastPacket()
{
    const PacketTableModel* model = m_controller->tableModel();
    return model->rowCount() > 0 && m_select(model->frameNumber(model->rowCount() - 1));
}

bool GoMenu::stepConversation(int delta)
{
    const std::optional<std::uint64_t> frame = currentFrame();
    PacketStoreView* store = m_controller->storeView();
    if (!frame) return false;
    const std::optional<FlowKey> key = conversationOf(store, *frame);
    if (!key) return false;
    // The user asked for this one walk: it reads only headers, row by row, until the next match.
    const PacketTableModel* model = m_controller->tableModel();
    for (int row = m_table->currentIndex().row() + delta; row >= 0 && row < model->rowCount(); row += delta) {
        const std::uint64_t candidate = model->frameNumber(row);
        if (conversationOf(store, candidate) == key) return m_select(candidate);
    }
    return false;
}

void GoMenu::noteSelection()
{
    if (m_travelling) return;
    const std::optional<std::uint64_t> frame = currentFrame();
    if (!frame || (!m_history.empty() && m_history[m_position] == *frame)) return;
    // A new selection after going back drops the forward part, as a browser does.
    if (!m_history.empty()) m_history.resize(m_position + 1);
    m_history.push_back(*frame);
    if (m_history.size() > MaxHistory) m_history.erase(m_history.begin());
    m_position = m_history.size() - 1;
}

bool GoMenu::jumpInHistory(std::size_t position)
{
    m_travelling = true;
    const bool moved = m_select(m_history[position]);
    m_travelling = false;
    if (moved) m_position = position;
    return moved;
}

bool GoMenu::back()
{
    return !m_history.empty() && m_position > 0 && jumpInHistory(m_position - 1);
}

bool GoMenu::forward()
{
    return m_position + 1 < m_history.size() && jumpInHistory(m_position + 1);
}

}  // namespace rcvmon
