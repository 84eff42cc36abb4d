// SPDX-License-Identifier: GPL-2.0-or-later
// The main window's menus, status bar and what each action does.
#include "main_window.h"
#include "palette_tone.h"

#include "expert_info.h"
#include "packet_columns.h"

#include "bandwidth_chart_view.h"
#include "capture_controller.h"
#include "capture_health_panel.h"
#include "hex_view.h"
#include "interface_dialog.h"
#include "interface_members.h"
#include "remote_interfaces_dialog.h"
#include "message_bar.h"
#include "export_dissections_menu.h"
#include "name_resolution.h"
#include "packet_coloring.h"
#include "packet_detail_model.h"
#include "packet_filter_scan.h"
#include "packet_table_model.h"
#include "preferences_dialog.h"
#include "save_capture.h"
#include "spool_settings.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>

#include <algorithm>

namespace rcvmon {

namespace {
QAction* newAction(QMenu* menu, QObject* owner, const QString& name, const QString& text, const QKeySequence& key = {})
{
    QAction* action = menu->addAction(text);
    action->setObjectName(name);
    action->setParent(owner);
    if (!key.isEmpty()) action->setShortcut(key);
    return action;
}
}  // namespace

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    connect(newAction(file, this, QStringLiteral("actionOpen"), tr("&Open…"), QKeySequence::Open), &QAction::triggered,
            this, &MainWindow::chooseAndOpen);
    m_saving = new SaveCapture(
        this, m_controller, [this](bool* pcap) { return m_chooser ? m_chooser(FileChoice::Export, pcap) : QString(); },
        [this](const QString& text) { showError(text); });
    m_saving->addActions(file);
    file->addSeparator();
    connect(newAction(file, this, QStringLiteral("actionExportSelected"), tr("Export &Selected Packets…")),
            &QAction::triggered, this, &MainWindow::exportSelected);
    connect(newAction(file, this, QStringLiteral("actionExportMarked"), tr("Export &Marked Packets…")),
            &QAction::triggered, this, &MainWindow::exportMarked);
    connect(newAction(file, this, QStringLiteral("actionExportDisplayed"), tr("Export &Displayed Packets…")),
            &QAction::triggered, this, &MainWindow::exportDisplayed);
    addExportDissectionsMenu(file, m_table, m_controller, this);
    file->addSeparator();
    connect(newAction(file, this, QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit), &QAction::triggered,
            this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    connect(newAction(edit, this, QStringLiteral("actionMark"), tr("&Mark/Unmark Packet"), QKeySequence(tr("Ctrl+M"))),
            &QAction::triggered, this, &MainWindow::toggleMark);
    connect(newAction(edit, this, QStringLiteral("actionFind"), tr("&Find Packet…"), QKeySequence::Find),
            &QAction::triggered, this, &MainWindow::findPacket);
    connect(newAction(edit, this, QStringLiteral("actionGoTo"), tr("&Go to Packet…"), QKeySequence(tr("Ctrl+G"))),
            &QAction::triggered, this, &MainWindow::goToPacket);
    connect(newAction(edit, this, QStringLiteral("actionPreferences"), tr("&Preferences…"), QKeySequence::Preferences),
            &QAction::triggered, this, [this] {
                if (editPreferences(this, *m_controller)) updateStatus();
            });
    QMenu* copy = edit->addMenu(tr("&Copy"));
    connect(newAction(copy, this, QStringLiteral("actionCopySummary"), tr("&Summary"), QKeySequence(tr("Ctrl+Shift+C"))),
            &QAction::triggered, this, &MainWindow::copySummary);
    connect(newAction(copy, this, QStringLiteral("actionCopyValue"), tr("&Value"), QKeySequence(tr("Ctrl+Shift+V"))),
            &QAction::triggered, this, &MainWindow::copyValue);
    connect(newAction(copy, this, QStringLiteral("actionCopyHex"), tr("As &Hex"), QKeySequence(tr("Ctrl+Shift+X"))),
            &QAction::triggered, this, &MainWindow::copyHex);

    QMenu* capture = menuBar()->addMenu(tr("&Capture"));
    connect(newAction(capture, this, QStringLiteral("actionInterfaces"), tr("&Interface…"), QKeySequence(tr("Ctrl+K"))),
            &QAction::triggered, this, &MainWindow::chooseInterface);
    connect(newAction(capture, this, QStringLiteral("actionRemoteInterfaces"), tr("&Remote Interfaces…")),
            &QAction::triggered, this, [this] {
                RemoteInterfacesDialog dialog(m_request.interfaceName, m_request.mode, this);
                if (dialog.exec() != QDialog::Accepted) return;
                CaptureRequest request = m_request;
                request.interfaceName = dialog.interfaceName();
                request.mode = dialog.mode();
                switchInterface(request);
            });
    // Wireshark's Ctrl+E starts and stops; only one of the two is enabled at a time.
    m_startAction = newAction(capture, this, QStringLiteral("actionStart"), tr("&Start"), QKeySequence(tr("Ctrl+E")));
    connect(m_startAction, &QAction::triggered, this, &MainWindow::startLast);
    m_stopAction = newAction(capture, this, QStringLiteral("actionStop"), tr("S&top"), QKeySequence(tr("Ctrl+E")));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopCapture);
    m_restartAction = newAction(capture, this, QStringLiteral("actionRestart"), tr("&Restart"), QKeySequence(tr("Ctrl+R")));
    connect(m_restartAction, &QAction::triggered, this, &MainWindow::restartCapture);
    QMenu* mode = capture->addMenu(tr("&Mode"));
    auto* modes = new QActionGroup(this);
    modes->setExclusive(true);
    m_modeOn = newAction(mode, this, QStringLiteral("actionModeOn"), tr("Promiscuous (RCVALL_ON)"));
    m_modeIpLevel = newAction(mode, this, QStringLiteral("actionModeIpLevel"), tr("IP level (RCVALL_IPLEVEL)"));
    for (QAction* a : {m_modeOn, m_modeIpLevel}) {
        a->setCheckable(true);
        modes->addAction(a);
    }
    (m_request.mode == CaptureMode::On ? m_modeOn : m_modeIpLevel)->setChecked(true);
    connect(m_modeOn, &QAction::triggered, this, [this] { setMode(CaptureMode::On); });
    connect(m_modeIpLevel, &QAction::triggered, this, [this] { setMode(CaptureMode::IpLevel); });
    connect(newAction(capture, this, QStringLiteral("actionCaptureFilter"), tr("Capture &Filter…")), &QAction::triggered,
            this, &MainWindow::editCaptureFilter);
    auto* interfacesLabel = new QLabel(this);
    statusBar()->addPermanentWidget(interfacesLabel);
    m_members = new InterfaceMembers(
        m_controller, m_backend, [this] { return m_request; }, [this](const QString& text) { showError(text); }, mode,
        capture, interfacesLabel, this);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_columns->addToViewMenu(view);
    m_followAction = newAction(view, this, QStringLiteral("actionFollow"), tr("&Follow"), QKeySequence(tr("Ctrl+Shift+F")));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    connect(m_followAction, &QAction::toggled, this, [this](bool on) {
        if (on) {
            m_lastRowCount = -1;
            followTail();
        }
    });
    QMenu* timeMenu = view->addMenu(tr("&Time Format"));
    m_timeGroup = new QActionGroup(this);
    const std::pair<TimeFormat, QString> formats[] = {
        {TimeFormat::Absolute, tr("&Absolute (date and time)")},
        {TimeFormat::Relative, tr("&Seconds since first packet")},
        {TimeFormat::Delta, tr("Seconds since &previous packet")},
    };
    for (const auto& [format, text] : formats) {
        QAction* a = newAction(timeMenu, this, QStringLiteral("actionTime_") + timeFormatName(format), text);
        a->setCheckable(true);
        a->setData(int(format));
        m_timeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, f = format] { setTimeFormat(f); });
    }
    QAction* charts = m_chartDock->toggleViewAction();
    charts->setText(tr("&Charts"));
    charts->setObjectName(QStringLiteral("actionCharts"));
    view->addAction(charts);
    m_topTalkersAction = newAction(view, this, QStringLiteral("actionTopTalkers"), tr("&Top Talkers Chart"));
    m_topTalkersAction->setCheckable(true);
    connect(m_topTalkersAction, &QAction::toggled, this, &MainWindow::setTopTalkersShown);
    m_names->addToViewMenu(view);
    QAction* health = m_healthDock->toggleViewAction();
    health->setText(tr("Capture &Health"));
    health->setObjectName(QStringLiteral("actionHealth"));
    view->addAction(health);
    m_coloring = new PacketColoring(view, m_controller->tableModel(), this);
}

void MainWindow::buildStatusBar()
{
    m_statusSource = new QLabel(this);
    m_statusMode = new QLabel(this);
    m_statusState = new QLabel(this);
    m_statusCounts = new QLabel(this);
    m_statusMemory = new QLabel(this);
    m_statusHint = new QLabel(this);
    m_statusHint->setStyleSheet(hintTextStyle(palette()));
    for (QLabel* label : {m_statusSource, m_statusMode, m_statusState, m_statusCounts, m_statusMemory})
        statusBar()->addPermanentWidget(label);
    statusBar()->addWidget(m_statusHint, 1);
    m_expert->addToStatusBar(statusBar());
}

void MainWindow::updateActions()
{
    const bool live = m_controller->isLive();
    const bool capturing = m_controller->state() == CaptureController::State::Capturing;
    m_startAction->setEnabled(!capturing);
    m_stopAction->setEnabled(capturing || m_controller->state() == CaptureController::State::Loading);
    m_restartAction->setEnabled(live);
    const CaptureMode mode = capturing ? m_controller->mode() : m_request.mode;
    if (mode == CaptureMode::On) m_modeOn->setChecked(true);
    if (mode == CaptureMode::IpLevel) m_modeIpLevel->setChecked(true);
}

void MainWindow::updateStatus()
{
    const QLocale locale;
    const CaptureCounters c = m_controller->counters();
    const bool live = m_controller->isLive();
    m_statusSource->setText(m_controller->sourceName().isEmpty() ? tr("No capture")
                                                                 : (live ? tr("Interface: %1") : tr("File: %1"))
                                                                       .arg(m_controller->sourceName()));
    m_statusMode->setText(live ? tr("Mode: %1").arg(modeName(m_controller->mode())) : QString());
    QString state;
    switch (m_controller->state()) {
    case CaptureController::State::Empty: state = tr("Idle"); break;
    case CaptureController::State::Loading: state = tr("Loading"); break;
    case CaptureController::State::Loaded: state = tr("Loaded"); break;
    case CaptureController::State::Capturing: state = tr("Capturing"); break;
    case CaptureController::State::Stopped: state = tr("Stopped"); break;
    case CaptureController::State::Failed: state = tr("Failed"); break;
    }
    m_statusState->setText(state);
    const auto n = [&](std::uint64_t v) { return locale.toString(static_cast<qulonglong>(v)); };
    QString displayed = n(c.displayed);
    const PacketFilterScan* scan = m_controller->filterScan();
    if (scan->filtering() && scan->running())
        displayed += tr(" (filtering %1%)").arg(static_cast<int>(scan->progress() * 100.0));
    m_statusCounts->setText(tr("Packets: %1 · Displayed: %2 · Dropped: %3 kernel, %4 ring")
                                .arg(n(c.captured), displayed, n(c.droppedKernel), n(c.droppedRing)));
    m_statusMemory->setText(boundsStatusText(c));
    m_statusMemory->setToolTip(tr("Live captures are spooled to %1").arg(QDir::toNativeSeparators(m_controller->spoolDirectory())));

    CaptureHealth h;
#ifdef _WIN32
    h.platform = CapturePlatform::Windows;
#endif
    h.live = live;
    h.interfaceName = m_controller->sourceName();
    h.mode = m_controller->mode();
    h.allProtocols = m_request.allProtocols;
    if (live && h.mode == CaptureMode::On && m_backend.promiscuous && m_healthDock->isVisible())
        h.nicPromiscuous = m_backend.promiscuous(h.interfaceName);
    h.received = c.captured;
    h.droppedKernel = c.droppedKernel;
    h.droppedRing = c.droppedRing;
    h.evicted = c.evicted;
    h.memoryUsed = c.memoryUsed;
    h.memoryBound = c.memoryBound;
    m_health->setHealth(h);
}

void MainWindow::chooseAndOpen()
{
    const QString path = m_chooser ? m_chooser(FileChoice::Open, nullptr)
                                   : QFileDialog::getOpenFileName(this, tr("Open Capture File"), QString(),
                                                                  tr("Capture files (*.pcapng *.pcap *.cap);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

std::vector<std::uint64_t> MainWindow::selectedFrames() const
{
    std::vector<std::uint64_t> numbers;
    const PacketTableModel* model = m_controller->tableModel();
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows()) numbers.push_back(model->frameNumber(index.row()));
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

bool MainWindow::exportFrames(const std::vector<std::uint64_t>& numbers)
{
    if (numbers.empty()) {
        showError(tr("There are no packets to export."));
        return false;
    }
    bool pcap = false;
    QString path;
    if (m_chooser) {
        path = m_chooser(FileChoice::Export, &pcap);
    } else {
        QString filter;
        path = QFileDialog::getSaveFileName(this, tr("Export %n Packet(s)", nullptr, int(numbers.size())), QString(),
                                            tr("pcapng (*.pcapng);;pcap (*.pcap)"), &filter);
        pcap = filter.startsWith(QStringLiteral("pcap ")) || path.endsWith(QStringLiteral(".pcap"));
    }
    if (path.isEmpty()) return false;
    QString error;
    // The capture keeps running: export reads the store on this thread between drains.
    if (!m_controller->exportFrames(numbers, path, pcap ? FileFormat::Pcap : FileFormat::PcapNg, error)) {
        showError(tr("Export failed: %1").arg(error));
        return false;
    }
    statusBar()->showMessage(tr("Exported %n packet(s) to %1", nullptr, int(numbers.size())).arg(path), 5000);
    return true;
}

void MainWindow::exportSelected()
{
    exportFrames(selectedFrames());
}

void MainWindow::exportMarked()
{
    const std::set<std::uint64_t>& marked = m_controller->tableModel()->markedFrames();
    std::vector<std::uint64_t> numbers;
    for (std::uint64_t n : marked)
        if (m_controller->tableModel()->rowForFrame(n) >= 0) numbers.push_back(n);
    exportFrames(numbers);
}

void MainWindow::exportDisplayed()
{
    const PacketTableModel* model = m_controller->tableModel();
    // The rows the display filter lets through, or every row without one.
    std::vector<std::uint64_t> numbers(static_cast<std::size_t>(model->rowCount()));
    for (std::size_t i = 0; i < numbers.size(); ++i) numbers[i] = model->frameNumber(static_cast<int>(i));
    exportFrames(numbers);
}

void MainWindow::toggleMark()
{
    PacketTableModel* model = m_controller->tableModel();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        const std::uint64_t n = model->frameNumber(index.row());
        model->setMarked(n, !model->isMarked(n));
    }
}

bool MainWindow::selectFrame(std::uint64_t number)
{
    const int row = m_controller->tableModel()->rowForFrame(number);
    if (row < 0) {
        showError(tr("Packet %1 is not in the list.").arg(number));
        return false;
    }
    m_followAction->setChecked(false);
    m_table->selectRow(row);
    m_table->scrollTo(m_table->model()->index(row, 0), QAbstractItemView::PositionAtCenter);
    return true;
}

void MainWindow::goToPacket()
{
    bool ok = false;
    const int number = QInputDialog::getInt(this, tr("Go to Packet"), tr("Packet number:"), 1, 1, INT_MAX, 1, &ok);
    if (ok) selectFrame(static_cast<std::uint64_t>(number));
}

void MainWindow::findPacket()
{
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Find Packet"), tr("Text in Source, Destination, Protocol or Info:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (ok && !text.isEmpty() && !findNext(text))
        statusBar()->showMessage(tr("No packet contains “%1”.").arg(text), 5000);
}

bool MainWindow::findNext(const QString& text)
{
    const PacketTableModel* model = m_controller->tableModel();
    const int rows = model->rowCount();
    const int start = m_table->currentIndex().isValid() ? m_table->currentIndex().row() + 1 : 0;
    for (int i = 0; i < rows; ++i) {
        const int row = (start + i) % rows;
        for (int column : {PacketTableModel::Source, PacketTableModel::Destination, PacketTableModel::Protocol,
                           PacketTableModel::Info}) {
            if (model->index(row, column).data().toString().contains(text, Qt::CaseInsensitive))
                return selectFrame(model->frameNumber(row));
        }
    }
    return false;
}

void MainWindow::copySummary()
{
    QStringList lines;
    const PacketTableModel* model = m_controller->tableModel();
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows()) {
        QStringList cells;
        for (int c = 0; c < PacketTableModel::ColumnCount; ++c) cells << model->index(index.row(), c).data().toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

void MainWindow::copyValue()
{
    const QString text = m_tree->currentIndex().data().toString();
    const qsizetype colon = text.indexOf(QStringLiteral(": "));
    QApplication::clipboard()->setText(colon >= 0 ? text.mid(colon + 2) : text);
}

void MainWindow::copyHex()
{
    const QByteArray& bytes = m_hex->bytes();
    const int length = m_hex->highlightLength();
    const QByteArray part = length > 0 ? bytes.mid(m_hex->highlightOffset(), length) : bytes;
    QApplication::clipboard()->setText(QString::fromLatin1(part.toHex()));
}

void MainWindow::chooseInterface()
{
    QString error;
    std::vector<NetworkInterface> interfaces = m_backend.interfaces ? m_backend.interfaces(error) : std::vector<NetworkInterface>{};
    if (interfaces.empty()) {
        showError(error.isEmpty() ? tr("No network interfaces were found.") : error);
        return;
    }
    InterfaceDialog dialog(interfaces, m_request.interfaceName, m_request.mode, m_request.filter, this);
    if (dialog.exec() != QDialog::Accepted) return;
    CaptureRequest request = m_request;
    request.interfaceName = dialog.interfaceName();
    request.mode = dialog.mode();
    request.filter = dialog.filter();
    switchInterface(request);
}

bool MainWindow::switchInterface(const CaptureRequest& request)
{
    // A new filter needs a new capture; an interface or mode change switches live.
    if (m_controller->state() != CaptureController::State::Capturing || request.filter != m_request.filter)
        return startCapture(request);
    QString error;
    std::unique_ptr<CaptureSource> source = m_backend.open ? m_backend.open(request, error) : nullptr;
    if (!source) {
        showError(error);  // the running capture goes on as it was
        return false;
    }
    m_controller->requestSource(std::move(source), request.mode);
    m_request = request;
    updateActions();
    return true;
}

void MainWindow::startLast()
{
    if (m_request.interfaceName.isEmpty()) {
        chooseInterface();
        return;
    }
    startCapture(m_request);
}

void MainWindow::stopCapture()
{
    m_controller->stop();
    updateActions();
    updateStatus();
}

void MainWindow::restartCapture()
{
    m_controller->stop();
    startCapture(m_request);
}

void MainWindow::setMode(CaptureMode mode)
{
    m_request.mode = mode;
    if (m_controller->state() == CaptureController::State::Capturing) m_controller->requestMode(mode);
    updateStatus();
}

void MainWindow::editCaptureFilter()
{
    bool ok = false;
    const QString filter = QInputDialog::getText(this, tr("Capture Filter"), tr("libpcap filter (empty: none):"),
                                                 QLineEdit::Normal, m_request.filter, &ok);
    if (!ok) return;
    m_request.filter = filter.trimmed();
    if (m_controller->state() == CaptureController::State::Capturing) restartCapture();
}

void MainWindow::setTimeFormat(TimeFormat format)
{
    m_controller->tableModel()->setTimeFormat(format);
    for (QAction* a : m_timeGroup->actions())
        if (a->data().toInt() == int(format)) a->setChecked(true);
}

}  // namespace rcvmon
