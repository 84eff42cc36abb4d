// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_comment_actions.h"

#include "capture_controller.h"
#include "packet_comment_dialog.h"
#include "packet_comments.h"
#include "packet_detail_model.h"
#include "packet_table_model.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QRegularExpression>
#include <QTableView>
#include <QWidget>

#include <algorithm>
#include <string_view>

namespace rcvmon {

PacketCommentActions::PacketCommentActions(QMenu* edit, CaptureController* controller, QTableView* packets,
                                           QWidget* window)
    : QObject(window), m_controller(controller), m_packets(packets), m_window(window),
      m_ask([](PacketCommentDialog& dialog) { return dialog.exec() == QDialog::Accepted; })
{
    m_menu = edit->addMenu(tr("Packet Comments"));
    m_menu->menuAction()->setObjectName(QStringLiteral("menuPacketComments"));
    m_add = new QAction(tr("Add New Comment…"), this);
    m_add->setObjectName(QStringLiteral("actionAddPacketComment"));
    m_add->setShortcut(QKeySequence(tr("Ctrl+Alt+C")));
    connect(m_add, &QAction::triggered, this, &PacketCommentActions::addComment);
    // The shortcut works while the menu is closed: the window holds the action too.
    window->addAction(m_add);
    m_deleteAll = new QAction(tr("Delete All Comments"), this);
    m_deleteAll->setObjectName(QStringLiteral("actionDeletePacketComments"));
    connect(m_deleteAll, &QAction::triggered, this, &PacketCommentActions::deleteAll);
    connect(m_menu, &QMenu::aboutToShow, this, &PacketCommentActions::rebuildMenu);
    rebuildMenu();

    // Wireshark's packet list context menu carries the same submenu.
    m_context = new QMenu(packets);
    m_context->setObjectName(QStringLiteral("packetListContextMenu"));
    m_context->addMenu(m_menu);
    packets->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(packets, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        m_context->popup(m_packets->viewport()->mapToGlobal(pos));
    });
    connect(controller->packetComments(), &PacketComments::changed, this,
            [this](quint64 number) { changed(number); });
}

QString PacketCommentActions::menuText(const QString& comment)
{
    constexpr qsizetype MaxLength = 40;
    static const QRegularExpression breaks(QStringLiteral("(\\r?\\n|\\r\\n?)+"));
    QString text = comment.trimmed().replace(breaks, QStringLiteral(" "));
    if (text.isEmpty()) return tr("(empty comment)");
    if (text.size() > MaxLength) {
        text.truncate(MaxLength);
        text += QStringLiteral("…");
    }
    return text;
}

void PacketCommentActions::rebuildMenu()
{
    // clear() deletes the per-comment entries (the menu owns them); the fixed two are this's.
    // Those two stay enabled: their shortcuts work while the menu is closed.
    m_menu->clear();
    m_menu->addAction(m_add);
    const std::vector<std::uint64_t> selected = selectedFrames();
    if (selected.size() == 1) {
        const std::vector<std::string> comments = commentsOf(selected.front());
        if (!comments.empty()) {
            m_menu->addSeparator();
            for (int i = 0; i < int(comments.size()); ++i) {
                QAction* a = m_menu->addAction(tr("Edit \"%1\"").arg(menuText(QString::fromStdString(comments[std::size_t(i)]))));
                a->setObjectName(QStringLiteral("actionEditPacketComment%1").arg(i));
                connect(a, &QAction::triggered, this, [this, i] { editComment(i); });
            }
            m_menu->addSeparator();
            for (int i = 0; i < int(comments.size()); ++i) {
                QAction* a = m_menu->addAction(tr("Delete \"%1\"").arg(menuText(QString::fromStdString(comments[std::size_t(i)]))));
                a->setObjectName(QStringLiteral("actionDeletePacketComment%1").arg(i));
                connect(a, &QAction::triggered, this, [this, i] { deleteComment(i); });
            }
        }
    }
    m_menu->addSeparator();
    m_menu->addAction(m_deleteAll);
}

std::vector<std::uint64_t> PacketCommentActions::selectedFrames() const
{
    std::vector<std::uint64_t> numbers;
    const PacketTableModel* model = m_controller->tableModel();
    if (QItemSelectionModel* selection = m_packets->selectionModel())
        for (const QModelIndex& index : selection->selectedRows()) numbers.push_back(model->frameNumber(index.row()));
    // Nothing selected in the list (a selection cleared by a filter): the packet in the tree.
    if (numbers.empty() && m_controller->detailModel()->packetNumber() != 0)
        numbers.push_back(m_controller->detailModel()->packetNumber());
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

std::uint64_t PacketCommentActions::singleFrame() const
{
    const std::vector<std::uint64_t> selected = selectedFrames();
    return selected.size() == 1 ? selected.front() : 0;
}

std::vector<std::string> PacketCommentActions::commentsOf(std::uint64_t number) const
{
    std::vector<std::string_view> current;
    m_controller->frameComments(number, current);
    return {current.begin(), current.end()};  // copies: the views die with the next read
}

bool PacketCommentActions::addComment()
{
    const std::uint64_t number = singleFrame();
    if (number == 0) return false;
    PacketCommentDialog dialog(number, QString(), m_window);
    if (!m_ask(dialog) || dialog.text().isEmpty()) return false;
    // The new comment goes after the packet's current ones (its file's, or the user's).
    std::vector<std::string> comments = commentsOf(number);
    comments.push_back(dialog.text().toStdString());
    m_controller->packetComments()->set(number, std::move(comments));
    return true;
}

bool PacketCommentActions::editComment(int index)
{
    const std::uint64_t number = singleFrame();
    if (number == 0 || index < 0) return false;
    std::vector<std::string> comments = commentsOf(number);
    if (std::size_t(index) >= comments.size()) return false;
    PacketCommentDialog dialog(number, QString::fromStdString(comments[std::size_t(index)]), m_window);
    if (!m_ask(dialog) || dialog.text().isEmpty()) return false;
    comments[std::size_t(index)] = dialog.text().toStdString();
    m_controller->packetComments()->set(number, std::move(comments));
    return true;
}

bool PacketCommentActions::deleteComment(int index)
{
    const std::uint64_t number = singleFrame();
    if (number == 0 || index < 0) return false;
    std::vector<std::string> comments = commentsOf(number);
    if (std::size_t(index) >= comments.size()) return false;
    comments.erase(comments.begin() + index);
    m_controller->packetComments()->set(number, std::move(comments));
    return true;
}

bool PacketCommentActions::deleteAll()
{
    bool any = false;
    for (std::uint64_t number : selectedFrames()) {
        // Packets without comments stay unedited: nothing to save for them.
        if (commentsOf(number).empty()) continue;
        m_controller->packetComments()->set(number, {});
        any = true;
    }
    return any;
}

void PacketCommentActions::changed(std::uint64_t number)
{
    m_window->setWindowModified(true);
    // The tree and any frame.comment column show the change now.
    if (m_controller->detailModel()->packetNumber() == number) m_controller->detailModel()->showPacket(number);
    m_controller->tableModel()->refreshText();
}

}  // namespace rcvmon
