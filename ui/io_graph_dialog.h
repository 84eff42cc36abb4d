// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "io_graph_definition.h"

#include <QDialog>

#include <cstdint>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;

namespace rcvmon {

class IoGraphChart;
class IoGraphList;
class IoGraphModel;

// Statistics ▸ I/O Graphs, as Wireshark's dialog: the plot of the whole capture above the
// graph list (each graph's filter, style, unit, Y field and SMA period), the interval
// (1 ms … 10 min), Reset, Log scale and Save As (PNG, SVG or CSV). A click
// on a point asks for the first packet of its interval. Graphs and interval are kept in the
// settings. Counting runs on the model's worker; closing the dialog cancels it.
class IoGraphDialog : public QDialog {
    Q_OBJECT
public:
    explicit IoGraphDialog(QWidget* parent = nullptr);
    ~IoGraphDialog() override;

    // The capture to graph (empty: nothing open) up to and excluding frame endNumber (0: all).
    void setCapture(const QString& path, std::uint64_t endNumber = 0);
    // Writes the plot as PNG or SVG, or the values as CSV, chosen by the name's suffix; the
    // error in one sentence, empty on success.
    QString saveAs(const QString& path);
    void setIntervalMs(std::uint64_t ms);
    // The frame a click at (seconds, value) goes to: the first frame of the interval under
    // it of the graph whose value there is nearest (0: none).
    std::uint64_t frameAt(double seconds, double value) const;

    IoGraphModel* model() const { return m_model; }
    IoGraphChart* chart() const { return m_chart; }
    IoGraphList* graphList() const { return m_list; }
    QComboBox* intervalBox() const { return m_interval; }
    QCheckBox* logScaleBox() const { return m_log; }
    QString statusText() const;

signals:
    void frameRequested(std::uint64_t frame);

protected:
    void hideEvent(QHideEvent* event) override;

private:
    void applyGraphs();
    void updateStatus();
    void onClicked(double seconds, double value);
    void chooseSaveFile();

    IoGraphModel* m_model;
    IoGraphChart* m_chart;
    IoGraphList* m_list;
    QComboBox* m_interval;
    QCheckBox* m_log;
    QLabel* m_status;
    std::vector<int> m_columnRows;  // the list row of each model graph (the enabled ones)
};

}  // namespace rcvmon
