// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// A paint device that draws nothing and records how many device pixel rows the tallest thing
// painted on it covers once clipped. Qt's raster engine blends a fill one span per row and hands
// a fill of more than ~96 rows to its GUI thread pool (the GUI thread then waits for the pool);
// this tells which fills of a widget would do that, on any platform.
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainterPath>
#include <QRegion>
#include <QTextItem>
#include <QTransform>

#include <algorithm>

namespace rcvmon::test {

class FillRowsEngine : public QPaintEngine {
public:
    FillRowsEngine() : QPaintEngine(AllFeatures) {}

    int tallest() const { return m_tallest; }
    void reset() { m_tallest = 0; }

    bool begin(QPaintDevice*) override
    {
        m_transform = {};
        m_clip = {};
        m_clipped = m_clipEnabled = false;
        return true;
    }
    bool end() override { return true; }
    Type type() const override { return User; }

    // The painter sends its clips in its logical coordinates with the transform of the moment.
    void updateState(const QPaintEngineState& state) override
    {
        const DirtyFlags dirty = state.state();
        if (dirty & DirtyTransform) m_transform = state.transform();
        if (dirty & (DirtyClipRegion | DirtyClipPath)) {
            const QRegion next = m_transform.map(dirty & DirtyClipRegion
                                                     ? state.clipRegion()
                                                     : QRegion(state.clipPath().boundingRect().toAlignedRect()));
            if (state.clipOperation() == Qt::NoClip) {
                m_clipped = false;
            } else {
                m_clip = state.clipOperation() == Qt::IntersectClip && m_clipped ? m_clip & next : next;
                m_clipped = true;
            }
            m_clipEnabled = state.clipOperation() != Qt::NoClip;
        }
        if (dirty & DirtyClipEnabled) m_clipEnabled = state.isClipEnabled();
    }

    void drawRects(const QRect* rects, int count) override
    {
        for (int i = 0; i < count; ++i) record(QRectF(rects[i]));
    }
    void drawRects(const QRectF* rects, int count) override
    {
        for (int i = 0; i < count; ++i) record(rects[i]);
    }
    void drawLines(const QLine* lines, int count) override
    {
        for (int i = 0; i < count; ++i) record(QRectF(lines[i].p1(), lines[i].p2()).normalized().adjusted(0, 0, 1, 1));
    }
    void drawLines(const QLineF* lines, int count) override
    {
        for (int i = 0; i < count; ++i) record(QRectF(lines[i].p1(), lines[i].p2()).normalized().adjusted(0, 0, 1, 1));
    }
    void drawPath(const QPainterPath& path) override { record(path.controlPointRect()); }
    void drawPolygon(const QPointF* points, int count, PolygonDrawMode) override
    {
        QPainterPath path;
        path.addPolygon(QPolygonF(QList<QPointF>(points, points + count)));
        record(path.controlPointRect());
    }
    void drawPixmap(const QRectF& target, const QPixmap&, const QRectF&) override { record(target); }
    void drawImage(const QRectF& target, const QImage&, const QRectF&, Qt::ImageConversionFlags) override
    {
        record(target);
    }
    void drawTiledPixmap(const QRectF& target, const QPixmap&, const QPointF&) override { record(target); }
    void drawTextItem(const QPointF& p, const QTextItem& text) override
    {
        record(QRectF(p.x(), p.y() - text.ascent(), text.width(), text.ascent() + text.descent()));
    }

private:
    void record(const QRectF& logical)
    {
        // The rows of the device the painted rectangle touches, within the clips.
        QRegion rows(m_transform.mapRect(logical).toAlignedRect());
        if (m_clipEnabled && m_clipped) rows &= m_clip;
        if (!systemClip().isEmpty()) rows &= systemClip();
        m_tallest = std::max(m_tallest, rows.boundingRect().height());
    }

    QTransform m_transform;
    QRegion m_clip;
    bool m_clipped = false;
    bool m_clipEnabled = false;
    int m_tallest = 0;
};

class FillRowsRecorder : public QPaintDevice {
public:
    explicit FillRowsRecorder(QSize logicalSize, qreal devicePixelRatio = 1.0)
        : m_size(logicalSize * devicePixelRatio), m_ratio(devicePixelRatio)
    {
    }
    ~FillRowsRecorder() override = default;

    // The most device pixel rows one fill, line, image or text covered since the last reset.
    int tallestFill() const { return m_engine.tallest(); }
    void reset() { m_engine.reset(); }

    QPaintEngine* paintEngine() const override { return &m_engine; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth: return m_size.width();
        case PdmHeight: return m_size.height();
        case PdmWidthMM: return m_size.width() * 254 / 960;
        case PdmHeightMM: return m_size.height() * 254 / 960;
        case PdmNumColors: return 0;
        case PdmDepth: return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY: return 96;
        case PdmDevicePixelRatio: return static_cast<int>(m_ratio);
        case PdmDevicePixelRatioScaled: return static_cast<int>(m_ratio * devicePixelRatioFScale());
        }
        return 0;
    }

private:
    QSize m_size;
    qreal m_ratio;
    mutable FillRowsEngine m_engine;
};

}  // namespace rcvmon::test
