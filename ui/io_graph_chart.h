// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "io_graph_definition.h"

#include <QChartView>

#include <vector>

class QLogValueAxis;
class QRubberBand;
class QValueAxis;

namespace rcvmon {

class IoGraphModel;

// Statistics ▸ I/O Graphs' plot: the x axis spans the whole capture (seconds from its first
// frame) and the y axis the values shown until the user zooms. Wireshark's interactions: the
// mouse wheel zooms both axes around the pointer (Shift: x only, Ctrl: y only); + and -
// zoom both, x / X the x axis and y / Y the y axis in and out; the arrow keys (and h j k l)
// pan; dragging with the left button pans; a rubber band drawn with the right button zooms
// to it; 0, Home or R resets. The y axis may be logarithmic (values ≤ 0 are then not drawn).
// A click (no drag) says where, in the axes' values. Only the visible range is drawn, with
// at most one point per pixel column (the model keeps the peaks).
class IoGraphChart : public QChartView {
    Q_OBJECT
public:
    // One entry per model column after the first (the enabled graphs, in order).
    struct Look {
        QString name;
        QColor color;
        IoGraphStyle style = IoGraphStyle::Line;
    };

    explicit IoGraphChart(const IoGraphModel* model, QWidget* parent = nullptr);

    void setLooks(std::vector<Look> looks);
    // Redraws from the model, keeping the zoom when it still fits the capture.
    void refresh();
    void resetZoom();
    // Zooms the x axis by factor (< 1 in) around x seconds.
    void zoom(double factor, double aroundSeconds);
    void pan(double seconds);
    // Zooms the y axis by factor around a value; pans it by an amount (a factor on a log axis).
    void zoomY(double factor, double aroundValue);
    void panY(double fraction);
    void setLogScale(bool on);
    bool logScale() const { return m_log; }
    double visibleFrom() const { return m_from; }
    double visibleTo() const { return m_to; }
    double visibleYFrom() const { return m_yFrom; }
    double visibleYTo() const { return m_yTo; }
    bool yZoomed() const { return m_yZoomed; }
    // The y axis shown (a QValueAxis, or a QLogValueAxis in log scale).
    QAbstractAxis* yAxis() const;
    // Seconds each drawn point stands for (an interval, or a run of them when zoomed out).
    double pointSeconds() const { return m_pointSeconds; }
    QValueAxis* axisX() const { return m_axisX; }
    QValueAxis* axisY() const { return m_axisY; }
    QLogValueAxis* logAxisY() const { return m_logAxisY; }

signals:
    void clicked(double seconds, double value);
    void rangeChanged();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    double fullTo() const;
    void setRange(double from, double to);
    double secondsAt(const QPoint& viewPos) const;
    double valueAt(const QPoint& viewPos) const;
    void redraw();
    void setYRange(double low, double high);

    const IoGraphModel* m_model;
    std::vector<Look> m_looks;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    QLogValueAxis* m_logAxisY;
    bool m_log = false;
    double m_yFrom = 0;
    double m_yTo = 1;
    bool m_yZoomed = false;
    double m_from = 0;
    double m_to = 1;
    bool m_zoomed = false;
    double m_pointSeconds = 1;
    QPoint m_pressPos;
    double m_pressFrom = 0;
    bool m_dragging = false;
    Qt::MouseButton m_button = Qt::NoButton;
    QRubberBand* m_band = nullptr;
};

}  // namespace rcvmon
