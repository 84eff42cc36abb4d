// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "follow/follow_stream.h"
#include "follow/follow_text.h"

#include <QDialog>

#include <cstdint>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace rcvmon {

class FollowStreamSource;

// Analyze ▸ Follow ▸ TCP / UDP / TLS Stream: the conversation with each side in its own
// colour, shown as ASCII, hex dump, C arrays, YAML or raw; find; the stream index spinner;
// "Filter Out This Stream" (asks the window to hide the stream); Save As (atomic).
class FollowStreamDialog : public QDialog {
    Q_OBJECT
public:
    // Asks where to save; empty = cancelled (tests answer directly).
    using PathChooser = std::function<QString()>;

    FollowStreamDialog(FollowStreamSource& source, FollowProtocol protocol, std::uint32_t stream,
                       QWidget* parent = nullptr);

    FollowProtocol protocol() const { return m_protocol; }
    FollowStreamSource& source() const { return m_source; }
    std::uint32_t stream() const { return m_stream; }
    void setStream(std::uint32_t stream);
    FollowFormat format() const { return m_format; }
    void setFormat(FollowFormat format);
    const FollowStream& followed() const { return m_followed; }
    QString text() const;
    // Selects the next occurrence after the cursor (wrapping); false when there is none.
    bool findNext(const QString& text);
    // Writes what is shown (raw: the payload bytes themselves) through a temporary file.
    bool saveTo(const QString& path, QString* error = nullptr);
    void setPathChooser(PathChooser chooser) { m_chooser = std::move(chooser); }
    // The filter "Filter Out This Stream" applies: !(tcp.stream eq N).
    QString filterOutText() const;
    // The text view, for tests and screenshots.
    QPlainTextEdit* view() const { return m_view; }

signals:
    void filterRequested(const QString& filter);

private:
    void load();
    void render();
    void saveAs();
    void filterOut();

    FollowStreamSource& m_source;
    FollowProtocol m_protocol;
    std::uint32_t m_stream;
    FollowFormat m_format = FollowFormat::Ascii;
    FollowStream m_followed;
    PathChooser m_chooser;

    QLabel* m_summary;
    QPlainTextEdit* m_view;
    QComboBox* m_formatBox;
    QSpinBox* m_streamBox;
    QLineEdit* m_find;
    QPushButton* m_filterOut;
};

}  // namespace rcvmon
