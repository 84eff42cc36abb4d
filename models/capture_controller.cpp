// SPDX-License-Identifier: GPL-2.0-or-later
#include "capture_controller.h"

#include "bandwidth_model.h"
#include "capture_spool.h"
#include "file/capture_file_writer.h"
#include "file/capture_copy.h"
#include "file/file_backed_store.h"
#include "file/spool_files.h"
#include "file/file_source.h"
#include "file/interface_names.h"
#include "flow_traffic.h"
#include "frame_replay.h"
#include "live/process_map.h"
#include "live/source_merger.h"
#include "packet_comments.h"
#include "packet_detail_model.h"
#include "packet_filter_scan.h"
#include "stream_chain_index.h"
#include "packet_table_model.h"
#include "process_traffic.h"
#include "row_sync_cadence.h"
#include "statistics_feed.h"
#include "store_pass.h"
#include "store/bandwidth_bins.h"
#include "store/capture_session.h"
#include "store/packet_store.h"
#include "store/protocol_class.h"
#include "store_adapter.h"

#include <QDir>
#include <QLocale>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <atomic>
#include <map>
#include <thread>

namespace rcvmon {

namespace {
constexpr int IngestIntervalMs = 34;       // table inserts at most 30 times a second
constexpr int LoadSliceMs = 15;            // a file is read in slices so the window stays live
constexpr std::size_t DrainPerTick = 250000;
constexpr int BandwidthSeconds = 300;      // the longest chart window

// The protocol classes the charts stack, in slot order (Sctp is the classifier's last).
constexpr std::size_t ChartClasses = static_cast<std::size_t>(ProtocolClass::Sctp) + 1;
static_assert(ChartClasses <= kProtocolSlots);

BandwidthSecond toSecond(const BandwidthSample& sample, std::size_t classes)
{
    BandwidthSecond s;
    s.second = sample.second;
    const TrafficCount out = sample.direction(Direction::Outgoing);
    const TrafficCount all = sample.total();
    s.bytesOut = out.bytes;
    s.packetsOut = out.packets;
    // A file does not say which way a frame went: everything not outgoing counts as in.
    s.bytesIn = all.bytes - out.bytes;
    s.packetsIn = all.packets - out.packets;
    s.bytesPerClass.resize(classes);
    for (std::size_t c = 0; c < classes; ++c) s.bytesPerClass[c] = sample.byProtocol[c].bytes;
    return s;
}
}  // namespace

CaptureController::CaptureController(DecoderFactory decoders, QObject* parent)
    : QObject(parent),
      m_decoders(std::move(decoders)),
      m_processMaps([] { return ProcessMap::createForThisPlatform(ProcessMap::Options{}); }),
      m_table(new PacketTableModel(this)),
      m_detail(new PacketDetailModel(this)),
      m_comments(new PacketComments(this)),
      m_bandwidth(new BandwidthModel(this)),
      m_filterScan(new PacketFilterScan(m_table, this)),
      m_statistics(new StatisticsFeed(this)),
      m_flowTraffic(new FlowTraffic(this)),
      m_chainIndex(new StreamChainIndex(this)),
      m_ingestTimer(new QTimer(this)),
      m_bandwidthTimer(new QTimer(this)),
      m_processTimer(new QTimer(this)),
      m_processTraffic(std::make_unique<ProcessTraffic>(m_flowTraffic))
{
    QStringList names;
    for (std::size_t slot = 0; slot < ChartClasses; ++slot) {
        const std::string_view name = protocolClassName(static_cast<ProtocolClass>(slot));
        names << QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
    }
    m_bandwidth->setClassNames(names);
    m_bandwidth->setCapacity(BandwidthSeconds);
    m_table->setInterfaceNames([this](std::uint32_t id) { return interfaceName(id); });
    m_filterScan->setInterfaceNames([this](std::uint32_t id) { return interfaceNameView(id); });
    m_filterScan->setFrameComments([this](std::uint64_t number, std::vector<std::string_view>& out) {
        frameComments(number, out);
    });
    // Before any view hears of an edited comment: a replay's kept answer for the frame is stale.
    connect(m_comments, &PacketComments::changed, this, [this](quint64 number) {
        if (m_replay) m_replay->forget(number);
    });
    m_chainIndex->setInterfaceNames([this](std::uint32_t id) { return interfaceNameView(id); });
    m_chainIndex->setFrameComments([this](std::uint64_t number, std::vector<std::string_view>& out) {
        frameComments(number, out);
    });
    connect(m_chainIndex, &StorePass::advanced, this, &CaptureController::settleRows);
    addStorePass(m_chainIndex);
    m_ingestTimer->setInterval(IngestIntervalMs);
    connect(m_ingestTimer, &QTimer::timeout, this, &CaptureController::ingest);
    m_bandwidthTimer->setInterval(1000);
    connect(m_bandwidthTimer, &QTimer::timeout, this, &CaptureController::pullBandwidth);
    // Its own timer at the ingest rate: the ingest timer stops with the capture, and the
    // answers for rows looked at afterwards still have to show.
    m_processTimer->setInterval(IngestIntervalMs);
    connect(m_processTimer, &QTimer::timeout, m_table, &PacketTableModel::refreshProcesses);
}

CaptureController::~CaptureController()
{
    if (m_session) m_session->stop();
    replaceStore(nullptr);
}

CaptureMode CaptureController::mode() const
{
    return m_session && m_live ? m_session->mode() : CaptureMode::Off;
}

void CaptureController::setState(State state)
{
    if (state == m_state) return;
    m_state = state;
    emit stateChanged();
}

void CaptureController::replaceStore(std::unique_ptr<PacketStore> store)
{
    // The models let go of the old store before it dies.
    m_filterScan->setStore(nullptr);
    m_statistics->setStore(nullptr);
    m_flowTraffic->setStore(nullptr);
    for (StorePass* pass : m_extraPasses) pass->setStore(nullptr);
    m_table->setProcessMap(nullptr);
    m_processTraffic->setProcessMap(nullptr);
    m_processTimer->stop();
    m_processMap.reset();
    m_table->setStore(nullptr, nullptr);
    m_detail->setStore(nullptr, nullptr);
    m_bandwidth->clear();
    if (m_spool) m_spool->abandon();  // its writer drains the session's ring: it goes first
    m_merger = nullptr;
    m_session.reset();
    if (m_decoder) m_decoder->setReplay(nullptr);
    m_replay.reset();
    m_adapter.reset();
    m_store = std::move(store);
    if (m_spool) {
        // An unsaved spool file goes with what showed it (the window asked before).
        m_reader.reset();
        m_spool.reset();
    }
    m_spoolErrorShown = false;
    m_fileBins.reset();
    m_scanFrom = 1;
    m_haveLast = false;
    m_eventsSeen = 0;
    m_interfaceNames.clear();
    m_comments->clear();  // the user's comments were for the frames that go
    m_lastModes.clear();
    m_firstInterfaces = 0;
    if (!m_store) {
        m_reader.reset();
        m_decoder.reset();
        return;
    }
    m_decoder = m_decoders ? m_decoders() : nullptr;
    if (m_decoder) {
        m_decoder->setInterfaceNames([this](std::uint32_t id) { return interfaceNameView(id); });
        m_decoder->setFrameComments([this](std::uint64_t number, std::vector<std::string_view>& out) {
            frameComments(number, out);
        });
    }
    m_adapter = std::make_unique<StoreAdapter>(*m_store);
    m_replay = std::make_unique<FrameReplay>(*m_adapter, *m_chainIndex);
    m_replay->setReady([this](const std::vector<std::uint64_t>& frames) {
        for (const std::uint64_t n : frames) refreshFrames(n, n);
    });
    if (m_decoder) m_decoder->setReplay(m_replay.get());
    m_table->setStore(m_adapter.get(), m_decoder.get());
    m_detail->setStore(m_adapter.get(), m_decoder.get());
    m_filterScan->setStore(m_adapter.get());
    m_statistics->setStore(m_adapter.get());
    m_flowTraffic->setStore(m_adapter.get());
    for (StorePass* pass : m_extraPasses) pass->setStore(m_adapter.get());
}

void CaptureController::settleRows()
{
    // Rows and the detail pane shown before the in-order pass reached their frames showed
    // them alone: now they can show them as in file order.
    if (m_adapter) m_chainIndex->forgetBefore(m_adapter->firstNumber());
    std::uint64_t first = 0, last = 0;
    if (m_replay && m_replay->settled(first, last)) refreshFrames(first, last);
}

void CaptureController::refreshFrames(std::uint64_t first, std::uint64_t last)
{
    m_table->refreshFrames(first, last);
    const std::uint64_t shown = m_detail->packetNumber();
    if (shown >= first && shown <= last) m_detail->showPacket(shown);
}

void CaptureController::addStorePass(StorePass* pass)
{
    m_extraPasses.push_back(pass);
    connect(pass, &QObject::destroyed, this, [this, pass] { std::erase(m_extraPasses, pass); });
    pass->setStore(m_adapter.get());
}

bool CaptureController::openFile(const QString& path, QString& error)
{
    std::string message;
    std::unique_ptr<CaptureFileReader> reader = CaptureFileReader::open(path.toStdString(), message);
    if (!reader) {
        error = QString::fromStdString(message);
        return false;
    }
    PacketStoreOptions options;
    if (m_memoryBound) options.memoryBound = m_memoryBound;
    // A file larger than the bound opens as far as it fits, and says so (loadSlice).
    options.policy = BoundPolicy::StopAtBound;
    if (m_session) m_session->stop();
    m_ingestTimer->stop();

    if (reader->randomAccess()) {
        // Frames stay in the mapped file; the store keeps only the index records. The index pass
        // (loadSlice) keeps no frame: it reads by copy, faster than touching every mapped page.
        replaceStore(makeFileBackedStore(*reader, options));
        reader->copySequentialReads();
        m_reader = std::move(reader);
        m_fileBins = std::make_unique<BandwidthBins>(BandwidthSeconds);
        m_live = false;
        m_sourceName = path;
        setState(State::Loading);
        m_ingestTimer->start();
        QTimer::singleShot(0, this, &CaptureController::loadSlice);
        return true;
    }
    // A pipe or standard input: the capture thread reads it, as it would an interface.
    const QString name = path == QLatin1String("-") ? QStringLiteral("standard input") : path;
    replaceStore(std::make_unique<PacketStore>(options));
    m_session = std::make_unique<CaptureSession>(std::make_unique<FileSource>(std::move(reader), name.toStdString()));
    m_live = false;
    m_sourceName = name;
    m_session->start();
    setState(State::Loading);
    m_ingestTimer->start();
    m_bandwidthTimer->start();
    return true;
}

void CaptureController::loadSlice()
{
    if (!m_reader || m_state != State::Loading) return;
    QElapsedTimer clock;
    clock.start();
    FrameRef frame;
    bool more = true;
    for (int i = 0; more; ++i) {
        if ((i & 1023) == 1023 && clock.elapsed() >= LoadSliceMs) break;
        more = m_reader->next(frame);
        if (!more) break;
        const ProtocolClass cls = classifyFrame(frame.linkType, frame.data);
        if (!m_store->appendAt(m_reader->lastFrameOffset(), frame, PacketTags{cls, CaptureMode::Off})) {
            more = false;
            break;
        }
        m_fileBins->add(frame.ts, frame.direction, cls, frame.originalLength);
    }
    // The filter, statistics and flow passes take their turns between the slices.
    m_filterScan->kick();
    m_statistics->kick();
    m_flowTraffic->kick();
    for (StorePass* pass : m_extraPasses) pass->kick();
    if (more) {
        QTimer::singleShot(0, this, &CaptureController::loadSlice);
        return;
    }
    m_table->sync();
    pullBandwidth();
    m_ingestTimer->stop();
    if (!m_reader->error().empty()) emit problem(QString::fromStdString(m_reader->error()));
    if (!m_reader->warning().empty()) emit problem(QString::fromStdString(m_reader->warning()));
    if (m_store->stopped()) {
        const QLocale locale;
        emit problem(tr("“%1” is larger than the memory bound of %2 allows: only its first %3 packets were opened. "
                        "Raise the memory bound in Edit ▸ Preferences… to open all of it.")
                         .arg(m_sourceName, locale.formattedDataSize(static_cast<qint64>(m_store->memoryBound())),
                              locale.toString(static_cast<qulonglong>(m_store->size()))));
    }
    setState(State::Loaded);
    emit loadFinished();
}

bool CaptureController::startCapture(std::unique_ptr<CaptureSource> source, QString& error)
{
    if (!source) {
        error = QStringLiteral("No capture source.");
        return false;
    }
    const QString name = QString::fromStdString(source->name());
    SourceMerger* merger = dynamic_cast<SourceMerger*>(source.get());
    const std::size_t interfaces = source->interfaceCount();
    auto session = std::make_unique<CaptureSession>(std::move(source));
    // Every frame goes to a spool file first; the store keeps only the index (CaptureSpool).
    std::string why;
    std::unique_ptr<CaptureSpool> spool =
        CaptureSpool::start(QDir::toNativeSeparators(spoolDirectory()).toStdString(), *session, m_diskBound, why);
    if (!spool) {
        error = QString::fromStdString(why);
        return false;
    }
    if (m_session) m_session->stop();
    PacketStoreOptions options;
    if (m_memoryBound) options.memoryBound = m_memoryBound;
    // The index is never evicted by the memory bound: only the disk bound takes packets off
    // the list (with their spool file). At the memory bound the capture stops and says so.
    options.policy = BoundPolicy::StopAtBound;
    replaceStore(spool->makeStore(options));
    m_memoryStopShown = false;
    m_sourceName = name;
    m_session = std::move(session);
    m_spool = std::move(spool);
    m_merger = merger;
    m_firstInterfaces = interfaces;
    m_live = true;
    // Its worker starts in this thread's network namespace, the one the capture sees.
    if (m_processMaps) m_processMap = m_processMaps();
    if (m_processMap) {
        m_table->setProcessMap(m_processMap.get());
        m_processTraffic->setProcessMap(m_processMap.get());
        m_processTimer->start();
    }
    if (!m_session->start()) {
        error = QStringLiteral("The capture could not be started.");
        setState(State::Failed);
        return false;
    }
    setState(State::Capturing);
    m_ingestTimer->start();
    m_bandwidthTimer->start();
    return true;
}

void CaptureController::stop()
{
    if (!m_session) return;
    m_session->stop();
    if (m_spool) m_spool->finish(*m_store);
    ingest();  // what the ring still holds is kept
    syncRows(true);
    m_ingestTimer->stop();
    m_bandwidthTimer->stop();
    pullBandwidth();
    if (m_state == State::Capturing || m_state == State::Loading) setState(m_live ? State::Stopped : State::Loaded);
}

void CaptureController::close()
{
    if (m_session) m_session->stop();
    m_ingestTimer->stop();
    m_bandwidthTimer->stop();
    replaceStore(nullptr);
    m_live = false;
    m_sourceName.clear();
    setState(State::Empty);
}

void CaptureController::requestMode(CaptureMode mode)
{
    if (m_session && m_live) m_session->requestMode(mode);
}

void CaptureController::requestSource(std::unique_ptr<CaptureSource> source, std::optional<CaptureMode> mode)
{
    if (!m_session || !m_live || !source) return;
    m_sourceName = QString::fromStdString(source->name());
    // The new source lives in the session from now on (the old one is closed there).
    m_merger = dynamic_cast<SourceMerger*>(source.get());
    m_session->requestSource(std::move(source), mode);
    emit stateChanged();
}

void CaptureController::ingest()
{
    if (m_session) {
        if (m_spool) m_spool->drainInto(*m_store, DrainPerTick);
        else m_session->drainInto(*m_store, DrainPerTick);
        scanForSwitches();
        noteEvents();
    }
    syncRows(false);
    m_filterScan->kick();
    m_statistics->kick();
    m_flowTraffic->kick();
    for (StorePass* pass : m_extraPasses) pass->kick();
    if (!m_session) return;
    const SessionState state = m_session->state();
    const bool finished = state == SessionState::Ended || state == SessionState::Failed || state == SessionState::Stopped;
    if (m_live && m_store->stopped() && !m_memoryStopShown) {
        m_memoryStopShown = true;
        m_session->requestStop();
        const QLocale locale;
        emit problem(tr("Capture stopped: the packet list's index reached the memory bound of %1 with %2 packets. "
                        "Every packet is in the spool file; raise the memory bound in Edit ▸ Preferences…, or "
                        "set a disk bound there so the oldest packets leave first, to capture longer.")
                         .arg(locale.formattedDataSize(static_cast<qint64>(m_store->memoryBound())),
                              locale.toString(static_cast<qulonglong>(m_store->size()))));
    }
    if (m_spool && !m_spoolErrorShown && !m_spool->error().empty()) {
        m_spoolErrorShown = true;
        emit problem(QString::fromStdString(m_spool->error()));
    }
    if (!finished || (m_spool ? !m_spool->drained() : !m_session->ring().empty())) return;
    syncRows(true);
    m_ingestTimer->stop();
    pullBandwidth();
    const std::string error = m_spool && m_spoolErrorShown ? std::string() : m_session->error();
    if (state == SessionState::Failed || !error.empty()) emit problem(QString::fromStdString(error));
    if (m_live) {
        setState(state == SessionState::Failed ? State::Failed : State::Stopped);
    } else {
        setState(State::Loaded);
        emit loadFinished();
    }
}

// The table takes in new rows at a cadence that grows with the list (row_sync_cadence.h);
// frames that left the store leave the list at once, so no row shows an evicted frame.
void CaptureController::syncRows(bool now)
{
    const bool evicted = m_store && m_store->firstNumber() > m_table->firstNumber() && m_table->retainedRows() > 0;
    // A small list takes every tick (the ingest timer may fire a little early): its rows are
    // there when the tick's signals (a switch mark) are handled.
    const int interval = rowSyncIntervalMs(static_cast<std::uint64_t>(m_table->rowCount()));
    if (!now && !evicted && interval > MinRowSyncMs && m_rowSync.isValid() && m_rowSync.elapsed() < interval) return;
    m_table->sync();
    m_rowSync.start();
}

void CaptureController::scanForSwitches()
{
    if (!m_live) return;
    if (m_session->eventCount() != m_eventsSeen || m_interfaceNames.empty()) m_interfaceNames = m_session->interfaces();
    const std::uint64_t end = m_store->endNumber();
    std::uint64_t n = std::max(m_scanFrom, m_store->firstNumber());
    for (; n < end; ++n) {
        const PacketRecord& r = m_store->record(n);
        // Interfaces merged from the start take turns; only an interface that came with a
        // switch (requestSource) is an interface switch. A mode switch is per interface.
        const bool newInterface = r.interfaceId >= m_lastModes.size() || m_lastModes[r.interfaceId] == CaptureMode::Off;
        if (r.interfaceId < 4096 && r.interfaceId >= m_lastModes.size()) m_lastModes.resize(r.interfaceId + 1, CaptureMode::Off);
        // Named only at a switch: this runs for every captured frame, and a QString each would
        // be an allocation per packet on the GUI thread.
        const auto name = [&] {
            return r.interfaceId < m_interfaceNames.size() ? QString::fromStdString(m_interfaceNames[r.interfaceId])
                                                           : QStringLiteral("interface %1").arg(r.interfaceId);
        };
        QString text;
        if (m_haveLast && newInterface && r.interfaceId >= m_firstInterfaces && r.interfaceId != m_lastInterface) {
            text = QStringLiteral("Interface switched to %1, mode %2").arg(name(), modeName(r.mode));
        } else if (!newInterface && r.interfaceId < m_lastModes.size() && m_lastModes[r.interfaceId] != r.mode) {
            text = QStringLiteral("Mode switched from %1 to %2").arg(modeName(m_lastModes[r.interfaceId]), modeName(r.mode));
            if (m_firstInterfaces > 1) text = name() + QStringLiteral(": ") + text;
        }
        if (!text.isEmpty()) {
            m_table->addSwitchMark(n, text);
            emit switchMarked(n, text, r.sec);
        }
        if (r.interfaceId < m_lastModes.size()) m_lastModes[r.interfaceId] = r.mode;
        m_haveLast = true;
        m_lastMode = r.mode;
        m_lastInterface = r.interfaceId;
    }
    m_scanFrom = n;
}

void CaptureController::noteEvents()
{
    if (m_session->eventCount() == m_eventsSeen) return;
    const std::vector<CaptureEvent> events = m_session->events();
    for (std::size_t i = m_eventsSeen; i < events.size(); ++i) {
        if (!events[i].ok) emit problem(QString::fromStdString(events[i].message));
    }
    m_eventsSeen = events.size();
    emit stateChanged();  // the mode or interface shown in the status bar changed
}

void CaptureController::pullBandwidth()
{
    const BandwidthBins* bins = m_session ? &m_session->bandwidth() : m_fileBins.get();
    if (!bins) return;
    const std::size_t classes = static_cast<std::size_t>(m_bandwidth->classNames().size());
    const int rows = m_bandwidth->rowCount();
    const std::int64_t last = rows > 0 ? m_bandwidth->secondAt(rows - 1).second : INT64_MIN;
    for (const BandwidthSample& sample : bins->snapshot(BandwidthSeconds)) {
        if (sample.second >= last) m_bandwidth->addSecond(toSecond(sample, classes));
    }
}

CaptureCounters CaptureController::counters() const
{
    CaptureCounters c;
    c.displayed = static_cast<std::uint64_t>(m_table->rowCount());
    if (m_store) {
        c.captured = m_store->endNumber() - 1;
        c.evicted = m_store->evictedCount();
        c.memoryUsed = m_store->memoryUsed();
        c.memoryBound = m_store->memoryBound();
    } else {
        c.memoryBound = m_memoryBound ? m_memoryBound : defaultMemoryBound();  // what the next capture gets
    }
    if (m_spool) {
        c.diskUsed = m_spool->diskUsed();
        c.diskBound = m_spool->diskBound();
    } else {
        c.diskBound = m_diskBound;
    }
    if (m_session) {
        const SessionCounters s = m_session->counters();
        c.captured = std::max(c.captured, s.received);
        c.droppedKernel = s.droppedKernel;
        c.droppedRing = s.droppedRing;
    }
    return c;
}

bool CaptureController::exportFrames(const std::vector<std::uint64_t>& numbers, const QString& path,
                                     FileFormat format, QString& error)
{
    if (!m_store) {
        error = QStringLiteral("There are no packets to export.");
        return false;
    }
    std::string message;
    std::unique_ptr<CaptureFileWriter> writer = CaptureFileWriter::create(path.toStdString(), format, message);
    if (!writer) {
        error = QString::fromStdString(message);
        return false;
    }
    if (m_session && m_live) m_interfaceNames = m_session->interfaces();
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> written;  // (interface, link type) -> IDB
    std::vector<std::string_view> comments;
    FrameRef frame;
    for (std::uint64_t number : numbers) {
        // Read first: the file's comments are views on the reader's bytes, valid until it reads again.
        frameComments(number, comments);
        if (!m_store->readFrame(number, frame)) {
            error = QStringLiteral("Frame %1 cannot be exported: %2")
                        .arg(number)
                        .arg(QString::fromStdString(m_store->error()));
            return false;  // the writer removes its temporary file
        }
        const auto key = std::make_pair(frame.interfaceId, frame.linkType);
        auto it = written.find(key);
        if (it == written.end()) {
            InterfaceInfo info;
            if (m_reader && frame.interfaceId < m_reader->interfaces().size()) info = m_reader->interfaces()[frame.interfaceId];
            else if (frame.interfaceId < m_interfaceNames.size()) info.name = m_interfaceNames[frame.interfaceId];
            else info.name = m_sourceName.toStdString();
            info.linkType = frame.linkType;
            if (info.snapLength == 0) info.snapLength = MaxCapturedLength;
            const std::optional<std::uint32_t> index = writer->addInterface(info, message);
            if (!index) {
                error = QString::fromStdString(message);
                return false;
            }
            it = written.emplace(key, *index).first;
        }
        writer->setNextComments(comments);
        if (!writer->write(frame, it->second, message)) {
            error = QString::fromStdString(message);
            return false;
        }
    }
    if (!writer->commit(message)) {
        error = QString::fromStdString(message);
        return false;
    }
    return true;
}

void CaptureController::frameComments(std::uint64_t number, std::vector<std::string_view>& out)
{
    if (m_comments->commentsOf(number, out)) return;  // the user's replace the file's
    // An opened pcapng's own: the store reads the frame through the file's reader, which then
    // holds that frame's options. A stream has no reading back: its comments are not shown.
    FrameRef frame;
    if (m_reader && m_reader->randomAccess() && m_store && m_store->readFrame(number, frame)) m_reader->frameComments(out);
}

PacketStoreView* CaptureController::storeView() const
{
    return m_adapter.get();
}

std::string_view CaptureController::interfaceNameView(std::uint32_t id)
{
    if (m_reader) return interfaceNameOf(*m_reader, id);
    // A live capture: a merged interface may be newer than the names last asked for.
    if (m_session && m_live && id >= m_interfaceNames.size()) m_interfaceNames = m_session->interfaces();
    return id < m_interfaceNames.size() ? std::string_view(m_interfaceNames[id]) : std::string_view();
}

QString CaptureController::interfaceName(std::uint32_t id) const
{
    if (m_reader && id < m_reader->interfaces().size()) return QString::fromStdString(m_reader->interfaces()[id].name);
    if (id < m_interfaceNames.size()) return QString::fromStdString(m_interfaceNames[id]);
    return id == 0 ? m_sourceName : QString();
}

}  // namespace rcvmon

namespace rcvmon {

QString CaptureController::spoolDirectory() const
{
    return m_spoolDirectory.isEmpty() ? QDir::tempPath() : m_spoolDirectory;
}

bool CaptureController::hasUnsavedCapture() const
{
    return m_spool && m_spool->unsaved();
}

bool CaptureController::saveCapture(const QString& path, FileFormat format, QString& error)
{
    if (!m_spool) {
        error = tr("There is no live capture to save.");
        return false;
    }
    // Whatever arrives during the copy is newer than the saved file: still unsaved.
    const std::uint64_t packets = m_spool->packetsSpooled();
    std::uint64_t written = 0;
    std::string why;
    bool copied = false;
    // A large capture takes a while to copy: on its own thread, while this one keeps the window
    // (and the capture's ingest) going. The spool file only grows meanwhile; the copy reads it
    // through its own mapping, up to where it was when the copy began.
    std::atomic<bool> done{false};
    QEventLoop loop;
    const std::string from = m_spool->path();
    // Files the disk bound retires meanwhile stay on disk until the copy is done.
    m_spool->holdDeletions(true);
    // The user's comments go in as opt_comment, like an export's: packet i of the copy is
    // frame first + i (the live files' first packet). Copied: the copy's thread must not read
    // the window's table while the user may still edit it.
    std::uint64_t first = 1;
    std::vector<std::string> paths = m_store ? m_spool->livePaths(*m_store, first) : m_spool->livePaths();
    std::map<std::uint64_t, std::vector<std::string>> edited;
    for (const auto& [number, texts] : m_comments->edits())
        if (number >= first) edited.emplace(number - first, texts);
    const bool withComments = format == FileFormat::PcapNg;
    CopyComments comments;
    if (!edited.empty())
        comments = [&edited](std::uint64_t index, std::vector<std::string_view>& out) {
            const auto it = edited.find(index);
            if (it == edited.end()) return false;
            out.assign(it->second.begin(), it->second.end());
            return true;
        };
    std::thread worker([&, paths = std::move(paths), to = path.toStdString()] {
        copied = copyCaptures(paths, to, format, comments, written, why);
        done.store(true, std::memory_order_release);
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    if (!done.load(std::memory_order_acquire)) loop.exec();
    worker.join();
    if (m_spool) m_spool->holdDeletions(false);
    if (!copied) {
        error = QString::fromStdString(why);
        return false;
    }
    // The window may have moved on meanwhile (it blocks input while saving, but still).
    if (m_spool && m_spool->path() == from) m_spool->markSaved(packets);
    // pcap has no comments: they stay unsaved (the window keeps its "modified" mark).
    if (withComments && m_spool && m_spool->path() == from) m_comments->markSaved();
    return true;
}

bool CaptureController::recoverSpool(const QString& path, QString& error)
{
    std::string why;
    const std::string adopted = adoptSpool(path.toStdString(), why);
    if (adopted.empty()) {
        error = QString::fromStdString(why);
        return false;
    }
    if (!openFile(QString::fromStdString(adopted), error)) {
        // Not a readable capture after all: it stays, renamed, for the user to look at.
        return false;
    }
    m_spool = CaptureSpool::adopt(adopted);
    return true;
}

}  // namespace rcvmon
