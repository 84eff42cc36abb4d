// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_comment_actions.h"

#include "capture_controller.h"
#include "packet_comment_dialog.h"
#include "packet_comments.h"
#include "packet_detail_model.h"
#include "packet_table_model.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

#include <string>
#include <vector>

namespace rcvmon {

PacketCommentActions::PacketCommentActions(QMenu* edit, CaptureController* controller, QWidget* window)
    : QObject(window), m_controller(controller), m_window(window),
      m_ask([](PacketCommentDialog& dialog) { return dialog.exec() == QDialog::Accepted; })
{
    QMenu* menu = edit->addMenu(tr("Packet Comments"));
    menu->menuAction()->setObjectName(QStringLiteral("menuPacketComments"));
    QAction* add = menu->addAction(tr("Add New Comment…"));
    add->setObjectName(QStringLiteral("actionAddPacketComment"));
    add->setShortcut(QKeySequence(tr("Ctrl+Alt+C")));
    connect(add, &QAction::triggered, this, &PacketCommentActions::addComment);
    QAction* remove = menu->addAction(tr("Delete All Comments"));
    remove->setObjectName(QStringLiteral("actionDeletePacketComments"));
    connect(remove, &QAction::triggered, this, &PacketCommentActions::deleteAll);
    connect(controller->packetComments(), &PacketComments::changed, this,
            [this](quint64 number) { changed(number); });
}

bool PacketCommentActions::addComment()
{
    const std::uint64_t number = m_controller->detailModel()->packetNumber();
    if (number == 0) return false;
    PacketCommentDialog dialog(number, QString(), m_window);
    if (!m_ask(dialog) || dialog.text().isEmpty()) return false;
    // The new comment goes after the packet's current ones (its file's, or the user's).
    std::vector<std::string_view> current;
    m_controller->frameComments(number, current);
    std::vector<std::string> comments(current.begin(), current.end());
    comments.push_back(dialog.text().toStdString());
    m_controller->packetComments()->set(number, std::move(comments));
    return true;
}

bool PacketCommentActions::deleteAll()
{
    const std::uint64_t number = m_controller->detailModel()->packetNumber();
    if (number == 0) return false;
    m_controller->packetComments()->set(number, {});
    return true;
}

void PacketCommentActions::changed(std::uint64_t number)
{
    m_window->setWindowModified(true);
    // The tree and any frame.comment column show the change now.
    if (m_controller->detailModel()->packetNumber() == number) m_controller->detailModel()->showPacket(number);
    m_controller->tableModel()->refreshText();
}

}  // namespace rcvmon
