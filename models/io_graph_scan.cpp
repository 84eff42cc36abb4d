// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_graph_scan.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "file/capture_file_reader.h"
#include "filter/quick_packet.h"

#include <QFileInfo>
#include <QTimer>

#include <algorithm>

namespace rcvmon {

namespace {

// Decides every graph's filter for one frame, dissecting it at most once.
class MultiMatcher {
public:
    MultiMatcher(const std::vector<std::optional<DisplayFilter>>& filters, bool dissectAll)
        : m_filters(filters), m_dissectAll(dissectAll)
    {
        for (const auto& f : filters) {
            if (!f || f->matchesEverything()) continue;
            m_needsBytes = m_needsBytes || f->needsBytes();
            // Such a filter needs every frame dissected in order (TCP state, reassembly).
            m_dissectAll = m_dissectAll || f->needsDissection();
        }
    }
    Dissector& dissector() { return m_dissector; }
    // The frame's dissection; valid after match() when a Y field made it dissect every frame.
    const Dissection& dissection() const { return m_dissection; }

    void match(const FrameRef& frame, std::uint64_t number, std::vector<char>& out)
    {
        bool dissected = false;
        const auto dissect = [&] {
            if (dissected) return;
            m_dissector.dissect(frame, number, m_dissection);
            dissected = true;
        };
        if (m_dissectAll) dissect();
        if (m_needsBytes) parseQuickPacket(frame, number, m_quick);
        else quickPacketMetadata(frame, number, m_quick);
        for (std::size_t g = 0; g < m_filters.size(); ++g) {
            const auto& f = m_filters[g];
            if (!f) {
                out[g] = 0;
                continue;
            }
            if (f->matchesEverything()) {
                out[g] = 1;
                continue;
            }
            if (!f->needsDissection() && !dissected) {
                const FilterVerdict v = f->matchesQuick(m_quick);
                if (v != FilterVerdict::Unknown) {
                    out[g] = v == FilterVerdict::Pass;
                    continue;
                }
            }
            dissect();
            out[g] = f->matches(m_dissection, frame.data);
        }
    }

private:
    const std::vector<std::optional<DisplayFilter>>& m_filters;
    Dissector m_dissector;
    Dissection m_dissection;
    QuickPacket m_quick;
    bool m_needsBytes = false;
    bool m_dissectAll = false;
};

}  // namespace

// What the worker shares with the GUI thread: written by the worker, read after m_done.
struct IoGraphScan::Job {
    std::atomic<bool> cancel{false};
    std::atomic<std::uint64_t> bytesRead{0};
    std::uint64_t fileSize = 0;
    std::vector<std::optional<DisplayFilter>> filters;
    std::vector<YField> fields;
    std::shared_ptr<IoGraphScanResult> result = std::make_shared<IoGraphScanResult>();
    std::string error;
};

IoGraphScan::IoGraphScan(QObject* parent) : QObject(parent), m_poll(new QTimer(this))
{
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &IoGraphScan::poll);
}

IoGraphScan::~IoGraphScan()
{
    if (m_job) m_job->cancel = true;
    join();
}

void IoGraphScan::join()
{
    if (m_thread.joinable()) m_thread.join();
}

void IoGraphScan::start(const QString& path, std::vector<std::optional<DisplayFilter>> filters, std::uint64_t endNumber,
                        std::vector<YField> fields)
{
    cancel();
    auto job = std::make_shared<Job>();
    job->fileSize = static_cast<std::uint64_t>(QFileInfo(path).size());
    job->filters = std::move(filters);
    job->fields = std::move(fields);
    job->fields.resize(job->filters.size());
    m_job = job;
    m_result.reset();
    m_error.clear();
    m_frames = 0;
    m_done = false;
    m_thread = std::thread([job, this, file = path.toStdString(), endNumber] {
        IoGraphScanResult& result = *job->result;
        const std::size_t count = job->filters.size();
        result.graphs.assign(count, {});
        result.failed.assign(count, false);
        result.spans.assign(count, {});
        for (std::size_t g = 0; g < count; ++g) result.failed[g] = !job->filters[g].has_value();
        auto reader = CaptureFileReader::open(file, job->error);
        if (!reader) {
            m_done.store(true, std::memory_order_release);
            return;
        }
        reader->copySequentialReads();  // one pass in file order, no frame kept
        // A Y field is read from the dissection, which then must follow every frame in order
        // (TCP's window scaling and analysis state), as tshark's does.
        const bool anyField = std::any_of(job->fields.begin(), job->fields.end(), [](const YField& f) { return f.used; });
        MultiMatcher matcher(job->filters, anyField);
        // frame.interface_name filters name the file's interfaces, as the packet list's do.
        matcher.dissector().setInterfaceNames([r = reader.get()](std::uint32_t id) -> std::string_view {
            const auto& list = r->interfaces();
            return id < list.size() ? std::string_view(list[id].name) : std::string_view();
        });
        std::vector<char> matched(count, 0);
        std::vector<char> sortedFlags(count, 1);
        FrameRef frame;
        std::uint64_t number = 0;
        std::int64_t firstNs = 0;
        while ((endNumber == 0 || number + 1 < endNumber) && !job->cancel.load(std::memory_order_relaxed) &&
               reader->next(frame)) {
            ++number;
            const std::int64_t ns = frame.ts.totalNanoseconds();
            if (number == 1) firstNs = ns;
            // A frame stamped before the first one (a file out of time order) counts in the first interval.
            const std::uint64_t ms = ns > firstNs ? static_cast<std::uint64_t>(ns - firstNs) / 1'000'000u : 0;
            const std::uint64_t us = ns > firstNs ? static_cast<std::uint64_t>(ns - firstNs) / 1000u : 0;
            result.lastMs = std::max(result.lastMs, ms);
            result.lastUs = std::max(result.lastUs, us);
            matcher.match(frame, number, matched);
            for (std::size_t g = 0; g < count; ++g) {
                if (!matched[g]) continue;
                const YField& y = job->fields[g];
                if (y.used && !matcher.dissection().has(y.id)) continue;
                bool s = sortedFlags[g] != 0;
                IoBin& bin = addToBins(result.graphs[g], s, ms, frame.originalLength, number);
                sortedFlags[g] = s;
                if (!y.used) continue;
                forEachIoField(matcher.dissection(), y.id, [&](const FieldRecord& f) {
                    const std::int64_t v = ioFieldValue(f, y.type);
                    if (!y.load) addFieldValue(bin, v);
                    else if (v > 0) result.spans[g].push_back({us, static_cast<std::uint64_t>(v) / 1000u});
                });
            }
            if (reader->randomAccess()) job->bytesRead.store(reader->lastFrameOffset(), std::memory_order_relaxed);
            if ((number & 1023) == 0) m_frames.store(number, std::memory_order_relaxed);
        }
        for (std::size_t g = 0; g < count; ++g) finishBins(result.graphs[g], sortedFlags[g] != 0);
        result.frames = number;
        m_frames.store(number, std::memory_order_relaxed);
        job->error = reader->error();
        m_done.store(true, std::memory_order_release);
    });
    m_poll->start();
}

void IoGraphScan::cancel()
{
    if (m_job) m_job->cancel = true;
    join();
    m_poll->stop();
    m_done = true;
}

double IoGraphScan::progress() const
{
    if (!m_job || m_job->fileSize == 0) return 0.0;
    return std::min(1.0, double(m_job->bytesRead.load(std::memory_order_relaxed)) / double(m_job->fileSize));
}

void IoGraphScan::poll()
{
    if (!m_done.load(std::memory_order_acquire)) {
        emit progressed();
        return;
    }
    m_poll->stop();
    join();
    if (m_job->cancel) return;
    m_error = QString::fromStdString(m_job->error);
    m_result = m_job->result;
    emit finished();
}

}  // namespace rcvmon
