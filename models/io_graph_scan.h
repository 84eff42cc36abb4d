// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/field_registry.h"
#include "filter/display_filter.h"
#include "io_graph_bins.h"
#include "stats/io_field_value.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

class QTimer;

namespace rcvmon {

// Counts the frames of a capture file per millisecond for several display filters at once,
// in one pass on its own thread (reading the file itself, as ExpertScan does), so the window
// never waits for it, whatever the file's size. Each frame goes through the quick header pass
// once; it is dissected (once, whatever the number of graphs) only when a filter needs it,
// in file order as rcvmon-cli -Y does. Cancellable; progress polled ten times a second.
class IoGraphScan : public QObject {
    Q_OBJECT
public:
    // A graph's Y field: a frame counts only when it holds the field (Wireshark appends
    // "&& field" to the graph's filter), and each occurrence adds to its interval's values.
    struct YField {
        bool used = false;
        FieldId id = 0;
        IoFieldType type = IoFieldType::Other;
        bool load = false;  // LOAD: the values are durations spread back over the intervals
    };

    explicit IoGraphScan(QObject* parent = nullptr);
    ~IoGraphScan() override;

    // One filter per graph: nullopt counts nothing (a filter that did not compile), an empty
    // filter counts every frame. Scans `path` up to and excluding frame endNumber (0: all).
    // fields: one per graph (or none: no graph has a Y field).
    void start(const QString& path, std::vector<std::optional<DisplayFilter>> filters, std::uint64_t endNumber = 0,
               std::vector<YField> fields = {});
    void cancel();

    bool running() const { return m_thread.joinable() && !m_done.load(); }
    double progress() const;
    std::uint64_t framesScanned() const { return m_frames.load(); }
    // The last finished scan (null before one ends, or after a cancel).
    std::shared_ptr<const IoGraphScanResult> result() const { return m_result; }
    QString error() const { return m_error; }

signals:
    void progressed();
    // A scan ended (error() says if the file could not be read); not emitted when cancelled.
    void finished();

private:
    struct Job;
    void poll();
    void join();

    std::shared_ptr<Job> m_job;
    std::thread m_thread;
    std::atomic<bool> m_done{true};
    std::atomic<std::uint64_t> m_frames{0};
    QTimer* m_poll;
    std::shared_ptr<const IoGraphScanResult> m_result;
    QString m_error;
};

}  // namespace rcvmon
