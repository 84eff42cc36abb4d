// SPDX-License-Identifier: GPL-2.0-or-later
#include "hex_view.h"

#include <QEvent>
#include <QFontDatabase>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace rcvmon {

namespace {
constexpr int OffsetChars = 6;  // "0000  "
constexpr int Margin = 4;
}

HexView::HexView(QWidget* parent) : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QFontMetrics metrics(font());
    m_charWidth = metrics.horizontalAdvance(QLatin1Char('0'));
    m_lineHeight = metrics.height();
    setMinimumHeight(m_lineHeight * 4);
    setMinimumWidth(asciiColumnX(BytesPerLine) + Margin + verticalScrollBar()->sizeHint().width());
}

void HexView::changeEvent(QEvent* event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() != QEvent::FontChange) return;
    const QFontMetrics metrics(font());
    m_charWidth = metrics.horizontalAdvance(QLatin1Char('0'));
    m_lineHeight = metrics.height();
    updateScrollBar();
    viewport()->update();
}

void HexView::setBytes(const QByteArray& bytes)
{
    m_bytes = bytes;
    m_highlightOffset = m_highlightLength = 0;
    updateScrollBar();
    verticalScrollBar()->setValue(0);
    viewport()->update();
}

void HexView::setHighlight(int offset, int length)
{
    m_highlightOffset = offset;
    m_highlightLength = length;
    if (length > 0) {
        const int line = offset / BytesPerLine;
        QScrollBar* bar = verticalScrollBar();
        const int visible = std::max(1, viewport()->height() / m_lineHeight);
        if (line < bar->value() || line >= bar->value() + visible) bar->setValue(line);
    }
    viewport()->update();
}

int HexView::lineCount() const
{
    return static_cast<int>((m_bytes.size() + BytesPerLine - 1) / BytesPerLine);
}

void HexView::updateScrollBar()
{
    const int visible = std::max(1, viewport()->height() / m_lineHeight);
    verticalScrollBar()->setRange(0, std::max(0, lineCount() - visible));
    verticalScrollBar()->setPageStep(visible);
}

void HexView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

int HexView::hexColumnX(int column) const
{
    // Two hex digits and a space per byte, an extra space after the eighth.
    return Margin + m_charWidth * (OffsetChars + column * 3 + (column >= 8 ? 1 : 0));
}

int HexView::asciiColumnX(int column) const
{
    return hexColumnX(BytesPerLine) + m_charWidth * (1 + column);
}

QRect HexView::hexRect(int offset) const
{
    const int line = offset / BytesPerLine - verticalScrollBar()->value();
    const int column = offset % BytesPerLine;
    return QRect(hexColumnX(column), line * m_lineHeight, m_charWidth * 2, m_lineHeight);
}

int HexView::byteAt(const QPoint& pos) const
{
    const int line = pos.y() / m_lineHeight + verticalScrollBar()->value();
    int column = -1;
    for (int c = 0; c < BytesPerLine; ++c) {
        if ((pos.x() >= hexColumnX(c) && pos.x() < hexColumnX(c) + 2 * m_charWidth) ||
            (pos.x() >= asciiColumnX(c) && pos.x() < asciiColumnX(c) + m_charWidth)) {
            column = c;
            break;
        }
    }
    if (column < 0 || pos.y() < 0) return -1;
    const int offset = line * BytesPerLine + column;
    return offset < m_bytes.size() ? offset : -1;
}

void HexView::mousePressEvent(QMouseEvent* event)
{
    const int offset = byteAt(event->position().toPoint());
    if (offset >= 0) emit byteClicked(offset);
    QAbstractScrollArea::mousePressEvent(event);
}

void HexView::paintEvent(QPaintEvent*)
{
    QPainter painter(viewport());
    painter.setFont(font());
    const QPalette& pal = palette();
    painter.fillRect(viewport()->rect(), pal.base());
    const int first = verticalScrollBar()->value();
    const int last = std::min(lineCount(), first + viewport()->height() / m_lineHeight + 1);
    const int ascent = QFontMetrics(font()).ascent();
    const auto hex = [](int v) { return QLatin1Char("0123456789abcdef"[v & 0xf]); };
    for (int line = first; line < last; ++line) {
        const int y = (line - first) * m_lineHeight;
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(Margin, y + ascent, QStringLiteral("%1").arg(line * BytesPerLine, 4, 16, QLatin1Char('0')));
        for (int c = 0; c < BytesPerLine; ++c) {
            const int offset = line * BytesPerLine + c;
            if (offset >= m_bytes.size()) break;
            const auto byte = static_cast<unsigned char>(m_bytes[offset]);
            const bool lit = offset >= m_highlightOffset && offset < m_highlightOffset + m_highlightLength;
            if (lit) {
                painter.fillRect(QRect(hexColumnX(c), y, 2 * m_charWidth, m_lineHeight), pal.highlight());
                painter.fillRect(QRect(asciiColumnX(c), y, m_charWidth, m_lineHeight), pal.highlight());
            }
            painter.setPen(lit ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
            painter.drawText(hexColumnX(c), y + ascent, QString(hex(byte >> 4)) + hex(byte));
            const QChar ascii = byte >= 0x20 && byte < 0x7f ? QLatin1Char(static_cast<char>(byte)) : QLatin1Char('.');
            painter.drawText(asciiColumnX(c), y + ascent, QString(ascii));
        }
    }
}

}  // namespace rcvmon
