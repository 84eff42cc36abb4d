// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

#include <cstdint>

class QPlainTextEdit;

namespace rcvmon {

// The text of one packet comment, as Wireshark's "Packet Comment" dialog asks for it:
// several lines allowed, OK only when there is text.
class PacketCommentDialog : public QDialog {
    Q_OBJECT
public:
    PacketCommentDialog(std::uint64_t frame, const QString& text, QWidget* parent);
    QString text() const;
    QPlainTextEdit* editor() const { return m_editor; }

private:
    QPlainTextEdit* m_editor;
};

}  // namespace rcvmon
