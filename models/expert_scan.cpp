// SPDX-License-Identifier: GPL-2.0-or-later
#include "expert_scan.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "expert/expert_collector.h"
#include "file/capture_file_reader.h"

#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace rcvmon {

// What the worker shares with the GUI thread: written by the worker, read after m_done.
struct ExpertScan::Job {
    std::atomic<bool> cancel{false};
    std::atomic<std::uint64_t> bytesRead{0};
    std::uint64_t fileSize = 0;
    std::shared_ptr<ExpertTally> tally = std::make_shared<ExpertTally>();
    std::string error;
};

ExpertScan::ExpertScan(QObject* parent) : QObject(parent), m_poll(new QTimer(this))
{
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &ExpertScan::poll);
}

ExpertScan::~ExpertScan()
{
    if (m_job) m_job->cancel = true;
    join();
}

void ExpertScan::join()
{
    if (m_thread.joinable()) m_thread.join();
}

void ExpertScan::start(const QString& path, std::uint64_t endNumber, Comments comments)
{
    cancel();
    auto job = std::make_shared<Job>();
    job->fileSize = static_cast<std::uint64_t>(QFileInfo(path).size());
    m_job = job;
    m_error.clear();
    m_frames = 0;
    m_done = false;
    m_thread = std::thread([job, this, file = path.toStdString(), endNumber, comments = std::move(comments)] {
        std::string error;
        auto reader = CaptureFileReader::open(file, error);
        if (reader) {
            reader->copySequentialReads();  // one pass in file order, no frame kept
            Dissector dissector;
            dissector.setFrameComments([&](std::uint64_t number, std::vector<std::string_view>& out) {
                const auto it = comments.find(number);
                if (it == comments.end()) reader->frameComments(out);
                else out.assign(it->second.begin(), it->second.end());
            });
            Dissection dissection;
            ExpertCollector collector;
            std::vector<ExpertItem> items;
            FrameRef frame;
            std::uint64_t number = 0;
            while ((endNumber == 0 || number + 1 < endNumber) && !job->cancel.load(std::memory_order_relaxed) &&
                   reader->next(frame)) {
                dissector.dissect(frame, ++number, dissection);
                items.clear();
                collector.collect(dissection, items);
                for (const ExpertItem& item : items) job->tally->add(item, number);
                if (reader->randomAccess()) job->bytesRead.store(reader->lastFrameOffset(), std::memory_order_relaxed);
                m_frames.store(number, std::memory_order_relaxed);
            }
            error = reader->error();
        }
        job->error = std::move(error);
        m_done.store(true, std::memory_order_release);
    });
    m_poll->start();
}

void ExpertScan::cancel()
{
    if (m_job) m_job->cancel = true;
    join();
    m_poll->stop();
    m_done = true;
}

void ExpertScan::clear()
{
    cancel();
    m_job.reset();
    m_result.reset();
    m_error.clear();
    emit cleared();
}

double ExpertScan::progress() const
{
    if (!m_job || m_job->fileSize == 0) return 0.0;
    return std::min(1.0, double(m_job->bytesRead.load(std::memory_order_relaxed)) / double(m_job->fileSize));
}

void ExpertScan::poll()
{
    if (!m_done.load(std::memory_order_acquire)) {
        emit progressed();
        return;
    }
    m_poll->stop();
    join();
    if (m_job->cancel) return;
    m_error = QString::fromStdString(m_job->error);
    m_result = m_job->tally;
    emit finished();
}

}  // namespace rcvmon
