// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/capture_file_reader.h"
#include "live/capture_source.h"
#include "packet_decoder.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

class QTimer;

namespace rcvmon {

class BandwidthBins;
class BandwidthModel;
class CaptureSpool;
class CaptureSession;
class FlowTraffic;
class PacketDetailModel;
class PacketComments;
class PacketFilterScan;
class PacketStore;
class PacketStoreView;
class PacketTableModel;
class ProcessMap;
class ProcessTraffic;
class SourceMerger;
class StatisticsFeed;
class StoreAdapter;
class StorePass;
class StreamChainIndex;
class FrameReplay;

struct CaptureCounters {
    std::uint64_t captured = 0;       // frames received from the source (live) or read (file)
    std::uint64_t displayed = 0;      // rows in the table
    std::uint64_t droppedKernel = 0;
    std::uint64_t droppedRing = 0;
    std::uint64_t evicted = 0;        // taken off the list: the spool's disk bound deleted their file
    std::uint64_t memoryUsed = 0;
    std::uint64_t memoryBound = 0;
    std::uint64_t diskUsed = 0;   // the spool file of a live capture
    std::uint64_t diskBound = 0;  // 0: until the disk is full
};

// Owns what is being looked at — an opened file or a live capture — and feeds the models:
// it reads a file in short slices (frames stay in the file, the store keeps the index), or
// drains a capture session's ring, and syncs the table at most 30 times a second. Opening
// or starting something new validates it first, so a failure leaves the current packets
// and capture untouched. GUI thread only.
class CaptureController : public QObject {
    Q_OBJECT
public:
    enum class State { Empty, Loading, Loaded, Capturing, Stopped, Failed };
    using DecoderFactory = std::function<std::unique_ptr<PacketDecoder>()>;
    // Who owns each flow of a live capture; may return null (no Process column).
    using ProcessMapFactory = std::function<std::unique_ptr<ProcessMap>()>;

    explicit CaptureController(DecoderFactory decoders, QObject* parent = nullptr);
    ~CaptureController() override;

    PacketTableModel* tableModel() const { return m_table; }
    // The name of a frame's interface: the file's IDB, or the capture's (several when merged).
    QString interfaceName(std::uint32_t id) const;
    // As frame.interface_name gives it (the CLI's naming); empty when the capture names none.
    std::string_view interfaceNameView(std::uint32_t id);
    PacketDetailModel* detailModel() const { return m_detail; }
    // The user's packet comments (Edit ▸ Packet Comments), kept beside the capture until saved.
    PacketComments* packetComments() const { return m_comments; }
    // Frame `number`'s comments into `out`: the user's when edited, else its file's (opt_comment).
    void frameComments(std::uint64_t number, std::vector<std::string_view>& out);
    BandwidthModel* bandwidthModel() const { return m_bandwidth; }
    // The retained packets (null when nothing is open); replaced by each open or capture.
    PacketStoreView* storeView() const;
    // The display filter over the table; it follows the store as packets arrive.
    PacketFilterScan* filterScan() const { return m_filterScan; }
    // Conversations, endpoints and protocol hierarchy, once something enables it.
    StatisticsFeed* statisticsFeed() const { return m_statistics; }
    // A pass of someone else's (names from captured DNS) that follows the store like the
    // controller's own: given each new store, kicked as frames arrive. Not owned.
    void addStorePass(StorePass* pass);
    // Every frame's TCP/UDP flow with its counts, once something enables it (Statistics ▸ Processes).
    FlowTraffic* flowTraffic() const { return m_flowTraffic; }
    // The in-order pass that lets rows and the detail pane show each frame as `rcvmon-cli`
    // dissects it in file order, and the replay that does it (null when nothing is open).
    StreamChainIndex* chainIndex() const { return m_chainIndex; }
    FrameReplay* frameReplay() const { return m_replay.get(); }

    void setMemoryBound(std::uint64_t bytes) { m_memoryBound = bytes; }
    std::uint64_t memoryBound() const { return m_memoryBound; }
    // Live captures are spooled to temporary pcapng files in this directory (see CaptureSpool);
    // with diskBound bytes (0: no bound) the files are a ring whose oldest is deleted, its
    // packets leaving the list, when they pass it. For the next start.
    void setSpoolDirectory(const QString& directory) { m_spoolDirectory = directory; }
    QString spoolDirectory() const;
    void setDiskBound(std::uint64_t bytes) { m_diskBound = bytes; }
    std::uint64_t diskBound() const { return m_diskBound; }
    // The spooled live capture (or recovered spool file) shown now; null for opened files.
    CaptureSpool* spool() const { return m_spool.get(); }
    // A live capture (or recovered one) with packets not yet saved.
    bool hasUnsavedCapture() const;
    // File > Save: writes the whole spooled capture to `path` atomically; works while capturing.
    bool saveCapture(const QString& path, FileFormat format, QString& error);
    // Opens a spool file left by a crashed run, taken over by this process (unsaved until saved).
    bool recoverSpool(const QString& path, QString& error);
    // Used by the next startCapture(); the default is the platform's (/proc, IP Helper).
    void setProcessMapFactory(ProcessMapFactory factory) { m_processMaps = std::move(factory); }
    // The live capture's process map (null for files), and the flows' traffic grouped by the
    // owners it knows (Statistics ▸ Processes).
    ProcessMap* processMap() const { return m_processMap.get(); }
    ProcessTraffic* processTraffic() const { return m_processTraffic.get(); }

    // A pcap/pcapng file, or "-" for a stream on standard input (read on the capture thread).
    bool openFile(const QString& path, QString& error);
    // Replaces what is shown with a live capture from `source` (already open).
    bool startCapture(std::unique_ptr<CaptureSource> source, QString& error);
    // Ends a live capture; the frames it already delivered stay in the table.
    void stop();
    // File ▸ Close: stops, lets go of every packet and goes back to Empty (the start page).
    void close();
    // Live only: Off on the current mode, then `mode` (the session applies it).
    void requestMode(CaptureMode mode);
    // Live only: Off on the old interface, then `mode` on `source`.
    void requestSource(std::unique_ptr<CaptureSource> source, std::optional<CaptureMode> mode);

    State state() const { return m_state; }
    bool isLive() const { return m_live; }
    bool busy() const { return m_state == State::Loading || m_state == State::Capturing; }
    QString sourceName() const { return m_sourceName; }
    CaptureMode mode() const;
    CaptureCounters counters() const;
    // The live capture's merge of several interfaces (each with its own mode, counters and
    // bandwidth; a lost one restartable), or null for one plain interface or a file.
    SourceMerger* merger() const { return m_merger; }

    // Writes the frames `numbers` (still retained) to `path`; works while capturing.
    bool exportFrames(const std::vector<std::uint64_t>& numbers, const QString& path, FileFormat format,
                      QString& error);

signals:
    void stateChanged();
    // Something went wrong that the user must read; what was captured stays.
    void problem(const QString& message);
    void loadFinished();
    // A mode or interface switch took effect before frame `number`.
    void switchMarked(quint64 number, const QString& text, qint64 second);

private:
    void replaceStore(std::unique_ptr<PacketStore> store);
    void setState(State state);
    void loadSlice();
    void ingest();
    void syncRows(bool now);
    void pullBandwidth();
    void scanForSwitches();
    void noteEvents();
    void settleRows();
    void refreshFrames(std::uint64_t first, std::uint64_t last);

    DecoderFactory m_decoders;
    std::vector<StorePass*> m_extraPasses;
    ProcessMapFactory m_processMaps;
    PacketTableModel* m_table;
    PacketDetailModel* m_detail;
    PacketComments* m_comments;
    BandwidthModel* m_bandwidth;
    PacketFilterScan* m_filterScan;
    StatisticsFeed* m_statistics;
    FlowTraffic* m_flowTraffic;
    StreamChainIndex* m_chainIndex;
    QTimer* m_ingestTimer;
    QTimer* m_bandwidthTimer;
    QElapsedTimer m_rowSync;  // since the table last took in rows
    QTimer* m_processTimer;  // repaints Process cells with new answers, also after the capture stops

    // Destroyed in reverse: models let go first (replaceStore), then session, store, reader.
    std::unique_ptr<CaptureFileReader> m_reader;
    std::unique_ptr<PacketStore> m_store;
    std::unique_ptr<StoreAdapter> m_adapter;
    std::unique_ptr<PacketDecoder> m_decoder;
    std::unique_ptr<FrameReplay> m_replay;  // over m_adapter, given to m_decoder
    std::unique_ptr<CaptureSession> m_session;
    std::unique_ptr<CaptureSpool> m_spool;  // after the session: its writer drains the session's ring
    std::unique_ptr<BandwidthBins> m_fileBins;
    std::unique_ptr<ProcessTraffic> m_processTraffic;
    std::unique_ptr<ProcessMap> m_processMap;

    State m_state = State::Empty;
    bool m_live = false;
    QString m_sourceName;
    std::uint64_t m_memoryBound = 0;  // 0: the store's default
    std::uint64_t m_diskBound = 0;
    QString m_spoolDirectory;         // empty: the system's temporary directory
    bool m_spoolErrorShown = false;
    bool m_memoryStopShown = false;
    std::uint64_t m_scanFrom = 1;
    bool m_haveLast = false;
    CaptureMode m_lastMode = CaptureMode::Off;
    std::uint32_t m_lastInterface = 0;
    std::size_t m_eventsSeen = 0;
    std::vector<std::string> m_interfaceNames;
    SourceMerger* m_merger = nullptr;        // inside m_session's source
    std::vector<CaptureMode> m_lastModes;    // per interface id: the mode of its last frame
    std::size_t m_firstInterfaces = 0;       // interfaces the capture started with
};

}  // namespace rcvmon
