// SPDX-License-Identifier: GPL-2.0-or-later
#include "bandwidth_chart_view.h"

#include "bandwidth_model.h"
#include "chart_style.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace rcvmon {

namespace {

void attach(QChart* chart, QAbstractSeries* series, QValueAxis* x, QValueAxis* y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

const QColor classColors[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
                              QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
                              QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f)};

}  // namespace

BandwidthChartView::BandwidthChartView(BandwidthModel* model, QWidget* parent)
    : QWidget(parent),
      m_model(model),
      m_windowBox(new QComboBox(this)),
      m_metricBox(new QComboBox(this)),
      m_in(new QLineSeries(this)),
      m_out(new QLineSeries(this)),
      m_marks(new QScatterSeries(this)),
      m_axisX(new QValueAxis(this)),
      m_axisY(new QValueAxis(this)),
      m_protoAxisX(new QValueAxis(this)),
      m_protoAxisY(new QValueAxis(this)),
      m_zero(new QLineSeries(this)),
      m_tick(new QTimer(this))
{
    m_windowBox->addItem(tr("Last 60 s"), 60);
    m_windowBox->addItem(tr("Last 5 min"), 300);
    m_metricBox->addItem(tr("bits/s"));
    m_metricBox->addItem(tr("packets/s"));

    auto* direction = new QChart;
    direction->setTitle(tr("In / out"));
    m_in->setName(tr("in"));
    m_out->setName(tr("out"));
    m_marks->setName(tr("mode/interface switch"));
    m_marks->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_marks->setMarkerSize(9);
    m_marks->setColor(QColor(0xd0, 0x30, 0x30));
    for (QValueAxis* axis : {m_axisX, m_protoAxisX}) {
        axis->setTitleText(tr("seconds"));
        axis->setLabelFormat(QStringLiteral("%d"));
    }
    for (QValueAxis* axis : {m_axisY, m_protoAxisY}) {
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setTickCount(5);
    }
    direction->addAxis(m_axisX, Qt::AlignBottom);
    direction->addAxis(m_axisY, Qt::AlignLeft);
    attach(direction, m_in, m_axisX, m_axisY);
    attach(direction, m_out, m_axisX, m_axisY);
    attach(direction, m_marks, m_axisX, m_axisY);
    m_directionView = makeStreamingChartView(direction, this);

    auto* protocols = new QChart;
    protocols->setTitle(tr("bits/s per protocol (stacked)"));
    protocols->addAxis(m_protoAxisX, Qt::AlignBottom);
    protocols->addAxis(m_protoAxisY, Qt::AlignLeft);
    m_protocolView = makeStreamingChartView(protocols, this);
    protocols->legend()->setAlignment(Qt::AlignRight);  // eleven classes fit a column, not a row

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Window:"), this));
    controls->addWidget(m_windowBox);
    controls->addWidget(new QLabel(tr("Show:"), this));
    controls->addWidget(m_metricBox);
    controls->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(controls);
    layout->addWidget(m_directionView, 1);
    layout->addWidget(m_protocolView, 1);

    connect(m_windowBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setWindowSeconds(m_windowBox->itemData(i).toInt()); });
    connect(m_metricBox, &QComboBox::currentIndexChanged, this, [this](int i) { setShowPackets(i == 1); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &BandwidthChartView::rebuildProtocolSeries);
    connect(m_tick, &QTimer::timeout, this, &BandwidthChartView::refresh);
    rebuildProtocolSeries();
    m_tick->start(1000);
}

void BandwidthChartView::setWindowSeconds(int seconds)
{
    m_window = seconds;
    m_windowBox->setCurrentIndex(seconds > 60 ? 1 : 0);
    refresh();
}

void BandwidthChartView::setShowPackets(bool packets)
{
    m_packets = packets;
    m_metricBox->setCurrentIndex(packets ? 1 : 0);
    refresh();
}

void BandwidthChartView::addSwitchMark(std::int64_t second)
{
    m_markSeconds.push_back(second);
}

void BandwidthChartView::clearMarks()
{
    m_markSeconds.clear();
}

void BandwidthChartView::rebuildProtocolSeries()
{
    QChart* chart = m_protocolView->chart();
    for (QAreaSeries* area : m_stackAreas) {
        chart->removeSeries(area);
        delete area;
    }
    for (QLineSeries* line : m_stackUpper) delete line;
    m_stackAreas.clear();
    m_stackUpper.clear();
    QLineSeries* lower = m_zero;
    const QStringList& names = m_model->classNames();
    for (qsizetype i = 0; i < names.size(); ++i) {
        auto* upper = new QLineSeries(this);
        auto* area = new QAreaSeries(upper, lower);
        area->setName(names[i]);
        const QColor color = classColors[static_cast<std::size_t>(i) % std::size(classColors)];
        area->setColor(color);
        area->setBorderColor(color.darker(120));
        attach(chart, area, m_protoAxisX, m_protoAxisY);
        m_stackUpper.push_back(upper);
        m_stackAreas.push_back(area);
        lower = upper;
    }
    refresh();
}

QList<QPointF> BandwidthChartView::inPoints() const
{
    return m_in->points();
}

void BandwidthChartView::refresh()
{
    ++m_refreshes;
    const int rows = m_model->rowCount();
    const int first = std::max(0, rows - m_window);
    const std::int64_t last = rows > 0 ? m_model->secondAt(rows - 1).second : 0;
    const int inColumn = m_packets ? BandwidthModel::PacketsIn : BandwidthModel::BitsIn;
    const int outColumn = m_packets ? BandwidthModel::PacketsOut : BandwidthModel::BitsOut;

    // First the peaks, to pick the unit; then the points, already divided by it.
    double top = 1.0, stackTop = 1.0;
    for (int row = first; row < rows; ++row) {
        top = std::max({top, m_model->value(row, inColumn), m_model->value(row, outColumn)});
        double sum = 0;
        for (std::size_t c = 0; c < m_stackUpper.size(); ++c)
            sum += m_model->value(row, BandwidthModel::FirstClass + static_cast<int>(c));
        stackTop = std::max(stackTop, sum);
    }
    const ChartUnit unit = chartUnitFor(top);
    const ChartUnit stackUnit = chartUnitFor(stackTop);

    // x is seconds before the newest second: 0 is now, -59 a minute ago.
    QList<QPointF> in, out, zero;
    in.reserve(rows - first);
    out.reserve(rows - first);
    std::vector<QList<QPointF>> stack(m_stackUpper.size());
    for (int row = first; row < rows; ++row) {
        const double x = static_cast<double>(m_model->secondAt(row).second - last);
        in.append({x, m_model->value(row, inColumn) / unit.divisor});
        out.append({x, m_model->value(row, outColumn) / unit.divisor});
        zero.append({x, 0.0});
        double sum = 0;
        for (std::size_t c = 0; c < stack.size(); ++c) {
            sum += m_model->value(row, BandwidthModel::FirstClass + static_cast<int>(c));
            stack[c].append({x, sum / stackUnit.divisor});
        }
    }
    QList<QPointF> marks;
    for (std::int64_t second : m_markSeconds) {
        const double x = static_cast<double>(second - last);
        if (x >= -m_window && x <= 0) marks.append({x, 0.0});
    }
    m_in->replace(in);
    m_out->replace(out);
    m_marks->replace(marks);
    m_zero->replace(zero);
    for (std::size_t c = 0; c < stack.size(); ++c) {
        m_stackUpper[c]->replace(stack[c]);
    }

    for (QValueAxis* axis : {m_axisX, m_protoAxisX}) {
        axis->setRange(-m_window, 0);
        axis->setTickCount(m_window > 60 ? 6 : 7);
    }
    m_axisY->setRange(0, top * 1.1 / unit.divisor);
    m_axisY->applyNiceNumbers();
    m_axisY->setTitleText(m_packets ? unit.prefix + tr("packets/s") : unit.prefix + tr("bit/s"));
    m_protoAxisY->setRange(0, stackTop * 1.1 / stackUnit.divisor);
    m_protoAxisY->applyNiceNumbers();
    m_protoAxisY->setTitleText(stackUnit.prefix + tr("bit/s"));
}

}  // namespace rcvmon
