// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_graph_dialog.h"

#include "io_graph_chart.h"
#include "io_graph_csv.h"
#include "io_graph_image.h"
#include "io_graph_list.h"
#include "io_graph_model.h"
#include "io_graph_scan.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <QLogValueAxis>
#include <QValueAxis>

#include <cmath>

namespace rcvmon {

namespace {

struct Interval {
    std::uint64_t ms;
    const char* label;
};
constexpr Interval kIntervals[] = {{1, "1 ms"},      {10, "10 ms"},  {100, "100 ms"}, {1000, "1 sec"},
                                   {10'000, "10 sec"}, {60'000, "1 min"}, {600'000, "10 min"}};

// Wireshark's y axis label: the unit's name per interval ("Packets/1 sec", "AVG(Y Field)/1 sec").
QString axisTitle(IoGraphUnit unit, const QString& interval)
{
    if (unit == IoGraphUnit::BitsPerSecond) return IoGraphDialog::tr("Bits/s");
    return IoGraphDialog::tr("%1/%2").arg(ioGraphUnitName(unit), interval);
}

}  // namespace

IoGraphDialog::IoGraphDialog(QWidget* parent)
    : QDialog(parent), m_model(new IoGraphModel(this)), m_chart(new IoGraphChart(m_model, this)),
      m_list(new IoGraphList(this)), m_interval(new QComboBox(this)), m_log(nullptr), m_status(new QLabel(this))
{
    setWindowTitle(tr("I/O Graphs"));
    setObjectName(QStringLiteral("ioGraphDialog"));
    m_chart->setObjectName(QStringLiteral("ioGraphChart"));
    m_interval->setObjectName(QStringLiteral("ioGraphInterval"));
    for (const Interval& i : kIntervals) m_interval->addItem(QString::fromLatin1(i.label), quint64(i.ms));
    m_status->setObjectName(QStringLiteral("ioGraphStatus"));

    // Wireshark's "Reset": both axes back to the whole capture and the values it holds.
    auto* reset = new QPushButton(tr("&Reset"), this);
    reset->setObjectName(QStringLiteral("ioGraphResetZoom"));
    reset->setToolTip(tr("Show the whole capture and every value again (0 or R on the graph)"));
    connect(reset, &QPushButton::clicked, m_chart, &IoGraphChart::resetZoom);
    m_log = new QCheckBox(tr("&Log scale"), this);
    m_log->setObjectName(QStringLiteral("ioGraphLogScale"));
    m_log->setChecked(loadIoGraphLogScale());
    m_chart->setLogScale(m_log->isChecked());
    connect(m_log, &QCheckBox::toggled, this, [this](bool on) {
        saveIoGraphLogScale(on);
        m_chart->setLogScale(on);
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* save = buttons->addButton(tr("Save &As…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("ioGraphSaveAs"));
    connect(save, &QPushButton::clicked, this, &IoGraphDialog::chooseSaveFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    // Enter in the graph list applies a field; it must not close the dialog or save.
    reset->setAutoDefault(false);
    for (QAbstractButton* button : buttons->buttons())
        if (auto* push = qobject_cast<QPushButton*>(button)) push->setAutoDefault(false);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Interval:"), this));
    controls->addWidget(m_interval);
    controls->addWidget(reset);
    controls->addWidget(m_log);
    controls->addWidget(m_status, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_list);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({460, 160});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(controls);
    layout->addWidget(buttons);
    resize(960, 680);

    m_list->setGraphs(loadIoGraphs());
    setIntervalMs(loadIoGraphIntervalMs());
    connect(m_interval, &QComboBox::currentIndexChanged, this, [this] {
        const std::uint64_t ms = m_interval->currentData().toULongLong();
        saveIoGraphIntervalMs(ms);
        m_model->setIntervalMs(ms);
        applyGraphs();  // the y axis title names the interval
        m_chart->resetZoom();
    });
    connect(m_list, &IoGraphList::changed, this, [this] {
        saveIoGraphs(m_list->graphs());
        applyGraphs();
    });
    connect(m_model, &IoGraphModel::modelReset, this, [this] {
        m_chart->refresh();
        updateStatus();
    });
    connect(m_model, &IoGraphModel::dataChanged, m_chart, &IoGraphChart::refresh);
    connect(m_model->scan(), &IoGraphScan::progressed, this, &IoGraphDialog::updateStatus);
    connect(m_chart, &IoGraphChart::clicked, this, &IoGraphDialog::onClicked);
    applyGraphs();
}

IoGraphDialog::~IoGraphDialog() { m_model->cancel(); }

void IoGraphDialog::setCapture(const QString& path, std::uint64_t endNumber)
{
    m_model->setCapture(path, endNumber);
    updateStatus();
}

void IoGraphDialog::setIntervalMs(std::uint64_t ms)
{
    for (int i = 0; i < m_interval->count(); ++i)
        if (m_interval->itemData(i).toULongLong() == ms) m_interval->setCurrentIndex(i);
    m_model->setIntervalMs(m_interval->currentData().toULongLong());
}

void IoGraphDialog::applyGraphs()
{
    std::vector<IoGraphModel::Graph> graphs;
    std::vector<IoGraphChart::Look> looks;
    m_columnRows.clear();
    const auto& all = m_list->graphs();
    bool sameUnit = true;
    for (int row = 0; row < int(all.size()); ++row) {
        const IoGraphDefinition& g = all[std::size_t(row)];
        if (!g.enabled) continue;
        sameUnit = sameUnit && (graphs.empty() || graphs.front().unit == g.unit);
        graphs.push_back({g.name, g.filter, g.unit, g.yField, g.smaPeriod});
        looks.push_back({g.name, g.color, g.style});
        m_columnRows.push_back(row);
    }
    const QString title = graphs.empty() || !sameUnit ? QString() : axisTitle(graphs.front().unit, m_interval->currentText());
    m_chart->axisY()->setTitleText(title);
    m_chart->logAxisY()->setTitleText(title);
    m_chart->setLooks(std::move(looks));
    m_model->setGraphs(std::move(graphs));
    for (int row = 0; row < int(all.size()); ++row) {
        m_list->setFilterError(row, {});
        m_list->setFieldError(row, {});
    }
    for (std::size_t c = 0; c < m_columnRows.size(); ++c) {
        m_list->setFilterError(m_columnRows[c], m_model->filterError(int(c)));
        m_list->setFieldError(m_columnRows[c], m_model->fieldError(int(c)));
    }
    updateStatus();
}

QString IoGraphDialog::statusText() const { return m_status->text(); }

void IoGraphDialog::updateStatus()
{
    const IoGraphScan* scan = m_model->scan();
    QString text;
    if (m_model->capturePath().isEmpty()) text = tr("No capture file: open one, or stop the live capture.");
    else if (scan->running())
        text = tr("Counting… %1 % (%2 frames)").arg(int(scan->progress() * 100)).arg(QLocale().toString(qulonglong(scan->framesScanned())));
    else if (!scan->error().isEmpty()) text = scan->error();
    else if (m_model->hasResult() && m_model->rowCount() == 0) text = tr("The capture holds no frame.");
    else if (m_model->hasResult()) {
        text = tr("%1 frames over %2 s, %3 intervals")
                   .arg(QLocale().toString(qulonglong(scan->framesScanned())))
                   .arg(QLocale().toString(m_model->spanSeconds() + double(m_model->intervalMs()) / 1000.0, 'g', 6))
                   .arg(QLocale().toString(m_model->rowCount()));
        if (m_model->truncated()) text += tr(" (the first %1 only: choose a longer interval)").arg(QLocale().toString(m_model->rowCount()));
    }
    m_status->setText(text);
}

std::uint64_t IoGraphDialog::frameAt(double seconds, double value) const
{
    if (!m_model->hasResult() || seconds < 0) return 0;
    // The interval (or run of intervals a zoomed-out point stands for) under the pointer: a
    // bar covers its run, a line's or dot's point sits at its run's start, so the nearest counts.
    const double rowsPerPoint = std::max(1.0, std::round(m_chart->pointSeconds() * 1000.0 / double(m_model->intervalMs())));
    const double points = seconds * 1000.0 / double(m_model->intervalMs()) / rowsPerPoint;
    std::uint64_t best = 0;
    double distance = 0;
    for (int g = 0; g < m_model->columnCount() - 1 && std::size_t(g) < m_columnRows.size(); ++g) {
        const IoGraphStyle style = m_list->graphs()[std::size_t(m_columnRows[std::size_t(g)])].style;
        const double point = style == IoGraphStyle::Bar ? std::floor(points) : std::round(points);
        const auto from = std::int64_t(point * rowsPerPoint);
        const auto to = from + std::int64_t(rowsPerPoint) - 1;
        const std::uint64_t frame = m_model->firstFrame(g, from, to);
        if (frame == 0) continue;
        double top = 0;
        for (std::int64_t r = from; r <= to && r - from < 100'000; ++r) top = std::max(top, m_model->value(r, g));
        const double d = std::abs(top - value);
        if (best == 0 || d < distance) {
            best = frame;
            distance = d;
        }
    }
    return best;
}

void IoGraphDialog::onClicked(double seconds, double value)
{
    const std::uint64_t frame = frameAt(seconds, value);
    if (frame != 0) emit frameRequested(frame);
}

QString IoGraphDialog::saveAs(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv")) {
        std::vector<int> graphs;
        for (int g = 0; g < m_model->columnCount() - 1; ++g) graphs.push_back(g);
        return saveIoGraphCsv(*m_model, graphs, path);
    }
    return saveWidgetImage(m_chart, path, windowTitle());
}

void IoGraphDialog::chooseSaveFile()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Graph As…"), QString(),
                                                      tr("PNG image (*.png);;SVG image (*.svg);;CSV values (*.csv)"), &filter);
    if (path.isEmpty()) return;
    QString target = path;
    if (QFileInfo(path).suffix().isEmpty())
        target += filter.startsWith(QLatin1String("SVG")) ? QStringLiteral(".svg")
                  : filter.startsWith(QLatin1String("CSV")) ? QStringLiteral(".csv") : QStringLiteral(".png");
    const QString error = saveAs(target);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Save Graph"), error);
}

void IoGraphDialog::hideEvent(QHideEvent* event)
{
    m_model->cancel();  // closed: nobody looks at the counts any more
    QDialog::hideEvent(event);
}

}  // namespace rcvmon
