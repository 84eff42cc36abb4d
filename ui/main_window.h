// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "capture_backend.h"
#include "file/capture_file_reader.h"
#include "follow/follow_stream.h"
#include "time_format.h"

#include <QMainWindow>
#include <QPointer>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;
class QTreeView;

namespace rcvmon {

class BandwidthChartView;
class CaptureController;
class CaptureHealthPanel;
class ExpertInfo;
class FilterBar;
class FollowStreamDialog;
class FollowStreamSource;
class GoMenu;
class HexView;
class InterfaceBandwidthChart;
class InterfaceMembers;
class MessageBar;
class NameResolution;
class PacketColoring;
class PacketColumns;
class RecentFiles;
class StartPage;
class ProcessesDialog;
class ProtocolHierarchyDialog;
class SaveCapture;
class StatTablesDialog;
class TopTalkersChartView;

// The main window: packet list, detail tree and hex pane, bandwidth and top-talker charts
// and the capture health panel in docks, menus as Wireshark users expect, and the status
// bar. It only wires: the controller owns what is captured, the models and views show it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class FileChoice { Open, Export };
    // Asks for a path (a file dialog; tests answer directly). Empty = cancelled.
    // For Export, *pcap says whether the user picked the pcap format.
    using FileChooser = std::function<QString(FileChoice choice, bool* pcap)>;

    explicit MainWindow(CaptureBackend backend, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a capture file ("-" = standard input); a failure shows why and changes nothing.
    bool openFile(const QString& path);
    // Opens a spool file a crashed run left behind (see offerSpoolRecovery()).
    bool recoverSpool(const QString& path);
    // File ▸ Save / Save As… and the unsaved-capture question.
    SaveCapture* saving() const { return m_saving; }
    // Starts a live capture; a failure shows why and keeps what was running.
    bool startCapture(const CaptureRequest& request);
    // Capture ▸ Interface… on a running capture: Off on the old interface, then the mode on
    // the new one, in the same capture (the list keeps going, with a mark); otherwise starts.
    bool switchInterface(const CaptureRequest& request);
    // No arguments given: live capture on the default route's interface in IP level mode,
    // or, without privilege, the bundled sample with a note on how to grant it.
    void startDefault();
    bool openBundledSample();

    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }
    CaptureController* controller() const { return m_controller; }
    QTableView* packetTable() const { return m_table; }
    QTreeView* detailTree() const { return m_tree; }
    HexView* hexView() const { return m_hex; }
    BandwidthChartView* chartView() const { return m_charts; }
    TopTalkersChartView* topTalkersView() const { return m_talkers; }
    CaptureHealthPanel* healthPanel() const { return m_health; }
    // The interfaces of a merged capture: per-interface mode, drops, restart (Capture menu).
    InterfaceMembers* interfaceMembers() const { return m_members; }
    InterfaceBandwidthChart* interfaceChart() const { return m_interfaceChart; }
    QDockWidget* chartDock() const { return m_chartDock; }
    FilterBar* filterBar() const { return m_filterBar; }
    NameResolution* nameResolution() const { return m_names; }
    PacketColoring* coloring() const { return m_coloring; }
    // Statistics ▸ Expert Information and its status-bar indicator.
    ExpertInfo* expertInfo() const { return m_expert; }
    // The packet list's custom columns (Apply as Column) and the header's column menu.
    PacketColumns* packetColumns() const { return m_columns; }
    // What shows when nothing is open (File ▸ Close brings it back), and the recent files.
    StartPage* startPage() const { return m_startPage; }
    RecentFiles* recentFiles() const { return m_recent; }
    // Go ▸ Previous/Next, First/Last, in conversation, back/forward.
    GoMenu* goMenu() const { return m_go; }
    // File ▸ Close: asks about an unsaved capture, then shows the start page.
    void closeCapture();
    // The error or note the window shows right now; empty when none.
    QString messageText() const;
    QString statusText() const;
    bool following() const;

    bool exportFrames(const std::vector<std::uint64_t>& numbers);
    std::vector<std::uint64_t> selectedFrames() const;
    // Edit ▸ Find Packet: the next row after the current one whose Source, Destination,
    // Protocol or Info contains text (wrapping around); false when none does.
    bool findNext(const QString& text);
    // Edit ▸ Go to Packet; false (and a message) when that packet is not in the list.
    bool selectFrame(std::uint64_t number);

    // Puts `text` in the display filter bar and applies it to the packet list (empty: show
    // every packet); false, with the error in the bar, when it does not compile.
    bool applyDisplayFilter(const QString& text);
    // Puts `text` in the bar without applying it.
    void prepareDisplayFilter(const QString& text);
    // Statistics ▸ Conversations, Endpoints, Protocol Hierarchy: shown and returned.
    StatTablesDialog* showConversations();
    StatTablesDialog* showEndpoints();
    ProtocolHierarchyDialog* showProtocolHierarchy();
    // Statistics ▸ Processes: the traffic the Process column has attributed so far.
    ProcessesDialog* showProcesses();
    // Analyze ▸ Follow: the selected packet's stream in a new dialog (null, and a status
    // message, when no packet is selected or it is not part of such a stream).
    FollowStreamDialog* followStream(FollowProtocol protocol);
    // View ▸ Top Talkers Chart: shows (and raises the charts dock) or hides the chart.
    void setTopTalkersShown(bool shown);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildViews();
    void buildMenus();
    void buildStatusBar();
    void buildFilterActions();
    void buildStatisticsMenu();
    void buildFollowMenu();
    void buildStartPage();
    void buildFurniture();
    void updatePage();
    void noteOpened(const QString& path);
    void restoreSettings();
    void saveSettings() const;

    void showError(const QString& text);
    void updateActions();
    void updateStatus();
    void followTail();
    void onCurrentRowChanged();
    void onDetailChanged();
    void onByteClicked(int offset);
    void onSwitchMarked(quint64 number, const QString& text, qint64 second);
    void setDisplayFilter(const QString& text);
    void onFilterAdvanced();
    void useSelectedField(bool apply);
    void showDetailMenu(const QPoint& pos);

    void chooseAndOpen();
    void exportSelected();
    void exportMarked();
    void exportDisplayed();
    void toggleMark();
    void findPacket();
    void goToPacket();
    void copySummary();
    void copyValue();
    void copyHex();
    void chooseInterface();
    void startLast();
    void stopCapture();
    void restartCapture();
    void setMode(CaptureMode mode);
    void editCaptureFilter();
    void setTimeFormat(TimeFormat format);

    CaptureBackend m_backend;
    CaptureController* m_controller;
    NameResolution* m_names = nullptr;  // after the controller: outlives the decoders it serves
    FileChooser m_chooser;
    SaveCapture* m_saving = nullptr;
    CaptureRequest m_request;  // the last live capture asked for (Start / Restart)

    MessageBar* m_message = nullptr;
    QTableView* m_table = nullptr;
    QTreeView* m_tree = nullptr;
    HexView* m_hex = nullptr;
    BandwidthChartView* m_charts = nullptr;
    TopTalkersChartView* m_talkers = nullptr;
    CaptureHealthPanel* m_health = nullptr;
    InterfaceMembers* m_members = nullptr;
    InterfaceBandwidthChart* m_interfaceChart = nullptr;
    QDockWidget* m_chartDock = nullptr;
    QDockWidget* m_healthDock = nullptr;
    FilterBar* m_filterBar = nullptr;
    PacketColoring* m_coloring = nullptr;
    ExpertInfo* m_expert = nullptr;
    PacketColumns* m_columns = nullptr;
    QStackedWidget* m_pages = nullptr;  // the packet view, or the start page
    StartPage* m_startPage = nullptr;
    RecentFiles* m_recent = nullptr;
    GoMenu* m_go = nullptr;
    QAction* m_closeAction = nullptr;
    QAction* m_reloadAction = nullptr;
    QPointer<StatTablesDialog> m_conversations;
    QPointer<StatTablesDialog> m_endpoints;
    QPointer<ProtocolHierarchyDialog> m_hierarchy;
    QPointer<ProcessesDialog> m_processes;
    std::shared_ptr<FollowStreamSource> m_followSource;

    QLabel* m_statusSource = nullptr;
    QLabel* m_statusMode = nullptr;
    QLabel* m_statusState = nullptr;
    QLabel* m_statusCounts = nullptr;
    QLabel* m_statusMemory = nullptr;
    QLabel* m_statusHint = nullptr;

    QAction* m_startAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_restartAction = nullptr;
    QAction* m_modeOn = nullptr;
    QAction* m_modeIpLevel = nullptr;
    QAction* m_followAction = nullptr;
    QAction* m_topTalkersAction = nullptr;
    QActionGroup* m_timeGroup = nullptr;
    QAction* m_applyAsFilter = nullptr;
    QAction* m_prepareAsFilter = nullptr;
    QAction* m_applyAsColumn = nullptr;

    QTimer* m_followTimer = nullptr;
    QTimer* m_statusTimer = nullptr;
    bool m_autoScrolling = false;
    int m_lastRowCount = 0;
    std::uint64_t m_reselect = 0;  // the frame selected before a filter change, shown again if it passes
};

}  // namespace rcvmon
