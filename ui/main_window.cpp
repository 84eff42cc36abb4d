// SPDX-License-Identifier: GPL-2.0-or-later
#include "main_window.h"

#include "bandwidth_chart_view.h"
#include "bandwidth_model.h"
#include "capture_controller.h"
#include "capture_health_panel.h"
#include "dissector_decoder.h"
#include "filter_bar.h"
#include "hex_view.h"
#include "interface_bandwidth_chart.h"
#include "message_bar.h"
#include "name_resolution.h"
#include "packet_columns.h"
#include "packet_detail_model.h"
#include "packet_table_model.h"
#include "packet_table_view.h"
#include "save_capture.h"
#include "spool_settings.h"
#include "top_talkers_chart_view.h"

#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QStandardPaths>
#include <QDockWidget>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <iterator>

namespace rcvmon {

MainWindow::MainWindow(CaptureBackend backend, QWidget* parent)
    : QMainWindow(parent),
      m_backend(std::move(backend)),
      m_controller(new CaptureController([this] { return makeDissectorDecoder(m_names ? &m_names->resolver() : nullptr); }, this)),
      m_names(new NameResolution(m_controller, this)),
      m_followTimer(new QTimer(this)),
      m_statusTimer(new QTimer(this))
{
    // "[*]": Qt shows an asterisk there while the window has unsaved changes (comments).
    setWindowTitle(QStringLiteral("RcvMon[*]"));
    setWindowIcon(QIcon(QStringLiteral(":/rcvmon/rcvmon.svg")));
    setAcceptDrops(true);
    buildViews();
    buildMenus();
    buildFilterActions();
    buildStatisticsMenu();
    buildFollowMenu();
    buildStartPage();
    buildFurniture();
    buildStatusBar();
    restoreSettings();

    connect(m_controller, &CaptureController::problem, this, &MainWindow::showError);
    connect(m_controller, &CaptureController::stateChanged, this, &MainWindow::updateActions);
    connect(m_controller, &CaptureController::stateChanged, this, &MainWindow::updateStatus);
    connect(m_controller, &CaptureController::loadFinished, this, &MainWindow::updateStatus);
    connect(m_controller, &CaptureController::switchMarked, this, &MainWindow::onSwitchMarked);
    // Following the tail has its own slow timer: scrolling once per batch would not scale.
    connect(m_followTimer, &QTimer::timeout, this, &MainWindow::followTail);
    m_followTimer->start(100);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    m_statusTimer->start(500);
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildViews()
{
    m_message = new MessageBar(this);
    m_table = new PacketTableView([this] { return m_controller->frameReplay(); }, this);
    m_table->setObjectName(QStringLiteral("packetTable"));
    m_columns = new PacketColumns(m_table, m_controller, this);  // sets the view's model
    m_columns->setNameResolver(&m_names->resolver());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    // Cells are short Latin text (numbers, addresses, Info): without HarfBuzz's shaping a jump's
    // paint lays out its ~200 cells for ~0.7 ms less. Qt still shapes the scripts that need it
    // (Arabic, Indic, ...); only the kerning and ligatures of Latin text are left out.
    QFont cellFont = m_table->font();
    cellFont.setStyleStrategy(QFont::PreferNoShaping);
    m_table->setFont(cellFont);
    m_table->verticalHeader()->hide();
    // A fixed row height lets the view place any of millions of rows without measuring.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    const int widths[] = {70, 130, 150, 150, 80, 60, 420, 80, 70, 140, 130};
    static_assert(std::size(widths) == static_cast<std::size_t>(PacketTableModel::ColumnCount));
    for (int c = 0; c < PacketTableModel::ColumnCount; ++c) m_table->setColumnWidth(c, widths[c]);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("detailTree"));
    m_tree->setModel(m_controller->detailModel());
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_hex = new HexView(this);
    m_hex->setObjectName(QStringLiteral("hexView"));

    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_tree);
    lower->addWidget(m_hex);
    lower->setStretchFactor(0, 1);
    lower->setStretchFactor(1, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_filterBar = new FilterBar(this);
    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    layout->addWidget(m_message);
    layout->addWidget(m_filterBar);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(splitter);  // index 0; the start page joins in buildStartPage()
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_charts = new BandwidthChartView(m_controller->bandwidthModel(), this);
    m_charts->setObjectName(QStringLiteral("bandwidthCharts"));
    // Top talkers under the bandwidth charts, over the window their combo box picks.
    m_talkers = new TopTalkersChartView(m_controller->statisticsFeed(), this);
    m_talkers->setObjectName(QStringLiteral("topTalkersChart"));
    m_talkers->setWindowSource([charts = m_charts] { return charts->windowSeconds(); });
    auto* chartSplitter = new QSplitter(Qt::Vertical, this);
    chartSplitter->setObjectName(QStringLiteral("chartSplitter"));
    chartSplitter->addWidget(m_charts);
    chartSplitter->addWidget(m_interfaceChart = new InterfaceBandwidthChart(m_controller, this));
    chartSplitter->addWidget(m_talkers);
    chartSplitter->setStretchFactor(0, 2);
    chartSplitter->setStretchFactor(1, 1);
    // Off until asked for (View ▸ Top Talkers): its numbers need every frame dissected on
    // this thread, which the bandwidth charts, counted by the capture thread, never do.
    m_talkers->setVisible(false);
    m_chartDock = new QDockWidget(tr("Bandwidth"), this);
    m_chartDock->setObjectName(QStringLiteral("chartDock"));
    m_chartDock->setWidget(chartSplitter);
    addDockWidget(Qt::RightDockWidgetArea, m_chartDock);
    m_health = new CaptureHealthPanel(this);
    m_healthDock = new QDockWidget(tr("Capture Health"), this);
    m_healthDock->setObjectName(QStringLiteral("healthDock"));
    m_healthDock->setWidget(m_health);
    addDockWidget(Qt::RightDockWidgetArea, m_healthDock);
    tabifyDockWidget(m_chartDock, m_healthDock);
    m_chartDock->raise();
    resizeDocks({m_chartDock}, {480}, Qt::Horizontal);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onCurrentRowChanged);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onDetailChanged);
    connect(m_hex, &HexView::byteClicked, this, &MainWindow::onByteClicked);
    // The user scrolling away from the bottom or picking a row stops following the tail.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_autoScrolling && value < m_table->verticalScrollBar()->maximum()) m_followAction->setChecked(false);
    });
    connect(m_table, &QTableView::pressed, this, [this] { m_followAction->setChecked(false); });
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    PacketDetailModel* detail = m_controller->detailModel();
    detail->showPacket(current.isValid() ? m_controller->tableModel()->frameNumber(current.row()) : 0);
    m_hex->setBytes(detail->bytes());
    if (detail->rowCount() > 0) m_tree->expandToDepth(0);
}

void MainWindow::onDetailChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid()) {
        m_hex->setHighlight(0, 0);
        return;
    }
    m_hex->setHighlight(current.data(PacketDetailModel::OffsetRole).toInt(),
                        current.data(PacketDetailModel::LengthRole).toInt());
}

void MainWindow::onByteClicked(int offset)
{
    const QModelIndex index = m_controller->detailModel()->indexForByte(offset);
    if (!index.isValid()) return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) m_tree->expand(p);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void MainWindow::onSwitchMarked(quint64, const QString& text, qint64 second)
{
    m_charts->addSwitchMark(second);
    statusBar()->showMessage(text, 5000);
}

void MainWindow::followTail()
{
    const int rows = m_controller->tableModel()->rowCount();
    if (!m_followAction->isChecked() || rows == m_lastRowCount) return;
    m_lastRowCount = rows;
    m_autoScrolling = true;
    m_table->scrollToBottom();
    m_autoScrolling = false;
}

bool MainWindow::following() const
{
    return m_followAction->isChecked();
}

void MainWindow::showError(const QString& text)
{
    m_message->showError(text);
    statusBar()->showMessage(text, 10000);
}

QString MainWindow::messageText() const
{
    return m_message->text();
}

QString MainWindow::statusText() const
{
    QStringList parts;
    for (QLabel* label : {m_statusSource, m_statusMode, m_statusState, m_statusCounts, m_statusMemory, m_statusHint})
        if (!label->text().isEmpty()) parts << label->text();
    return parts.join(QStringLiteral(" | "));
}

bool MainWindow::openFile(const QString& path)
{
    if (!m_saving->confirmDiscard(tr("opening “%1”").arg(path))) return false;
    QString error;
    if (!m_controller->openFile(path, error)) {
        showError(error);
        return false;
    }
    m_message->hide();
    m_charts->clearMarks();
    m_lastRowCount = 0;
    noteOpened(path);
    setWindowTitle(QStringLiteral("%1[*] — RcvMon").arg(path));
    updateActions();
    updateStatus();
    return true;
}

bool MainWindow::startCapture(const CaptureRequest& request)
{
    QString error;
    std::unique_ptr<CaptureSource> source = m_backend.open ? m_backend.open(request, error) : nullptr;
    if (!source) {
        showError(error.isEmpty() ? tr("Live capture is not available here.") : error);
        return false;
    }
    if (!m_saving->confirmDiscard(tr("starting a new capture"))) return false;
    if (!m_controller->startCapture(std::move(source), error)) {
        showError(error);
        return false;
    }
    m_request = request;
    m_message->hide();
    m_charts->clearMarks();
    m_lastRowCount = 0;
    m_followAction->setChecked(true);
    m_statusHint->clear();
    setWindowTitle(QStringLiteral("Capturing from %1 — RcvMon").arg(request.interfaceName));
    updateActions();
    updateStatus();
    return true;
}

void MainWindow::startDefault()
{
    CaptureRequest request = m_request;
    if (request.interfaceName.isEmpty() && m_backend.defaultInterface) {
        if (const std::optional<QString> name = m_backend.defaultInterface()) request.interfaceName = *name;
    }
    request.mode = CaptureMode::IpLevel;  // the default: what the NIC accepts, no promiscuity
    QString error;
    std::unique_ptr<CaptureSource> source;
    if (!request.interfaceName.isEmpty() && m_backend.open) source = m_backend.open(request, error);
    if (source && m_controller->startCapture(std::move(source), error)) {
        m_request = request;
        setWindowTitle(QStringLiteral("Capturing from %1 — RcvMon").arg(request.interfaceName));
        updateActions();
        updateStatus();
        return;
    }
    openBundledSample();
    if (request.interfaceName.isEmpty()) error = tr("No interface carries a default route.");
    m_statusHint->setText(tr("Showing the bundled sample. No live capture: %1").arg(error));
    m_statusHint->setToolTip(error);
    m_message->showInfo(tr("Showing the bundled sample capture. Live capture was not started: %1").arg(error));
}

bool MainWindow::openBundledSample()
{
    // The reader maps real files, so the sample leaves the resources for the cache first.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/rcvmon-sample.pcapng");
    QFile resource(QStringLiteral(":/rcvmon/sample.pcapng"));
    QFile target(path);
    if (!resource.open(QIODevice::ReadOnly) || !target.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        target.write(resource.readAll()) != resource.size()) {
        showError(tr("The bundled sample capture could not be written to %1.").arg(path));
        return false;
    }
    target.close();
    return openFile(path);
}

bool MainWindow::recoverSpool(const QString& path)
{
    if (!m_saving->confirmDiscard(tr("recovering “%1”").arg(path))) return false;
    QString error;
    if (!m_controller->recoverSpool(path, error)) {
        showError(error);
        return false;
    }
    m_message->hide();
    m_charts->clearMarks();
    m_lastRowCount = 0;
    setWindowTitle(tr("Recovered capture %1 — RcvMon").arg(m_controller->sourceName()));
    updateActions();
    updateStatus();
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_saving->confirmDiscard(tr("quitting"))) {
        event->ignore();
        return;
    }
    saveSettings();
    m_controller->stop();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && !event->mimeData()->urls().isEmpty() &&
        event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        openFile(urls.first().toLocalFile());
    }
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const QByteArray header = settings.value(QStringLiteral("table/header")).toByteArray();
    if (!header.isEmpty()) m_table->horizontalHeader()->restoreState(header);
    m_request.interfaceName = settings.value(QStringLiteral("capture/interface")).toString();
    m_request.mode = parseCaptureMode(settings.value(QStringLiteral("capture/mode")).toString().toStdString())
                         .value_or(CaptureMode::IpLevel);
    if (m_request.mode == CaptureMode::Off) m_request.mode = CaptureMode::IpLevel;
    m_request.filter = settings.value(QStringLiteral("capture/filter")).toString();
    m_followAction->setChecked(settings.value(QStringLiteral("view/follow"), true).toBool());
    setTopTalkersShown(settings.value(QStringLiteral("view/topTalkers"), false).toBool());
    setTimeFormat(parseTimeFormat(settings.value(QStringLiteral("view/timeFormat")).toString(), TimeFormat::Relative));
    SpoolSettings::load().applyTo(*m_controller);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("table/header"), m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("capture/interface"), m_request.interfaceName);
    settings.setValue(QStringLiteral("capture/mode"), QString::fromLatin1(captureModeName(m_request.mode).data(), static_cast<qsizetype>(captureModeName(m_request.mode).size())));
    settings.setValue(QStringLiteral("capture/filter"), m_request.filter);
    settings.setValue(QStringLiteral("view/follow"), m_followAction->isChecked());
    settings.setValue(QStringLiteral("view/topTalkers"), m_topTalkersAction->isChecked());
    settings.setValue(QStringLiteral("view/timeFormat"), timeFormatName(m_controller->tableModel()->timeFormat()));
}

}  // namespace rcvmon
