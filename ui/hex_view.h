// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QAbstractScrollArea>
#include <QByteArray>

namespace rcvmon {

// The selected packet's bytes: offset, 16 bytes in hex, the same as ASCII. A byte range can
// be highlighted (the selected field); clicking a byte reports its offset.
class HexView : public QAbstractScrollArea {
    Q_OBJECT
public:
    static constexpr int BytesPerLine = 16;

    explicit HexView(QWidget* parent = nullptr);

    void setBytes(const QByteArray& bytes);
    const QByteArray& bytes() const { return m_bytes; }
    void setHighlight(int offset, int length);
    int highlightOffset() const { return m_highlightOffset; }
    int highlightLength() const { return m_highlightLength; }
    // Which byte is drawn at a viewport point; -1 between bytes or past the end.
    int byteAt(const QPoint& viewportPos) const;
    // Where byte `offset` is drawn in hex, in viewport coordinates (tests click there).
    QRect hexRect(int offset) const;

signals:
    void byteClicked(int offset);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;  // View ▸ Zoom: a new font, new metrics
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    int lineCount() const;
    void updateScrollBar();
    int hexColumnX(int column) const;
    int asciiColumnX(int column) const;

    QByteArray m_bytes;
    int m_highlightOffset = 0;
    int m_highlightLength = 0;
    int m_charWidth = 8;
    int m_lineHeight = 16;
};

}  // namespace rcvmon
