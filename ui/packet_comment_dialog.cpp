// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_comment_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rcvmon {

PacketCommentDialog::PacketCommentDialog(std::uint64_t frame, const QString& text, QWidget* parent)
    : QDialog(parent), m_editor(new QPlainTextEdit(text, this))
{
    setObjectName(QStringLiteral("packetCommentDialog"));
    setWindowTitle(tr("Packet %1 Comment").arg(frame));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(tr("Comment for packet %1, saved with the capture as pcapng:").arg(frame), this);
    layout->addWidget(label);
    m_editor->setObjectName(QStringLiteral("packetCommentText"));
    layout->addWidget(m_editor);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    const auto update = [this, ok] { ok->setEnabled(!this->text().isEmpty()); };
    update();
    connect(m_editor, &QPlainTextEdit::textChanged, this, update);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(480, 220);
}

QString PacketCommentDialog::text() const { return m_editor->toPlainText(); }

}  // namespace rcvmon
