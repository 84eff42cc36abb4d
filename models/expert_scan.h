// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "expert/expert_tally.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

class QTimer;

namespace rcvmon {

// Expert Info needs every frame dissected in order with TCP state, which the packet list's
// row-at-a-time dissection does not keep. This pass reads the capture file itself (the opened
// file, or a live capture's spool) on its own thread with its own Dissector, so neither the
// window nor the capture ever waits for it; it keeps only the tally (8 bytes per event).
// Cancellable; progress is polled by the GUI thread ten times a second.
class ExpertScan : public QObject {
    Q_OBJECT
public:
    explicit ExpertScan(QObject* parent = nullptr);
    ~ExpertScan() override;

    // The user's packet comments by frame number; they replace the file's (opt_comment).
    using Comments = std::map<std::uint64_t, std::vector<std::string>>;

    // Scans `path` from its first frame up to and excluding frame `endNumber` (0: to the end
    // of the file). Cancels a scan still running. Results stay until the next start/clear.
    // Each packet comment (the file's, or `comments`) is a Comment item, as in Wireshark.
    void start(const QString& path, std::uint64_t endNumber = 0, Comments comments = {});
    void cancel();
    // Cancels and forgets the results (something else is shown now).
    void clear();

    bool running() const { return m_thread.joinable() && !m_done.load(); }
    bool hasResult() const { return m_result != nullptr; }
    // 0..1 of the file read by the running scan.
    double progress() const;
    std::uint64_t framesScanned() const { return m_frames.load(); }
    // The last finished scan's tally (null before the first one ends).
    std::shared_ptr<const ExpertTally> result() const { return m_result; }
    QString error() const { return m_error; }

signals:
    void progressed();
    // A scan ended (check error() and result()); not emitted for a cancelled one.
    void finished();
    void cleared();

private:
    struct Job;
    void poll();
    void join();

    std::shared_ptr<Job> m_job;
    std::thread m_thread;
    std::atomic<bool> m_done{true};
    std::atomic<std::uint64_t> m_frames{0};
    QTimer* m_poll;
    std::shared_ptr<const ExpertTally> m_result;
    QString m_error;
};

}  // namespace rcvmon
