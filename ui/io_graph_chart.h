// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "io_graph_definition.h"

#include <QChartView>

#include <vector>

class QRubberBand;
class QValueAxis;

namespace rcvmon {

class IoGraphModel;

// Statistics ▸ I/O Graphs' plot: the x axis spans the whole capture (seconds from its first
// frame) until the user zooms. Mouse wheel or +/- zoom around the pointer; dragging with the
// left button or the arrow keys pan; a rubber band drawn with the right button zooms to it;
// 0, Home or R resets. A click (no drag) says where, in the axes' values. Only the visible
// range is drawn, with at most one point per pixel column (the model keeps the peaks).
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
    // Zooms by factor (< 1 in) around x seconds.
    void zoom(double factor, double aroundSeconds);
    void pan(double seconds);
    double visibleFrom() const { return m_from; }
    double visibleTo() const { return m_to; }
    // Seconds each drawn point stands for (an interval, or a run of them when zoomed out).
    double pointSeconds() const { return m_pointSeconds; }
    QValueAxis* axisX() const { return m_axisX; }
    QValueAxis* axisY() const { return m_axisY; }

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
    void redraw();

    const IoGraphModel* m_model;
    std::vector<Look> m_looks;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
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
