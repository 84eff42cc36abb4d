// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QTimer;

namespace rcvmon {

class MainWindow;

// `rcvmon --bench-open FILE`: opens FILE in the real window, waits until every row is in
// the table model and painted, prints `rows=N seconds=S peak_rss_anon_mib=M` and quits.
// Peak RssAnon is sampled every 10 ms: file pages RcvMon maps are not counted, as the
// point is the memory the program itself holds.
// With scroll = true (`--bench-scroll FILE`) it then jumps to 200 rows spread over the
// whole file and times each paint: `rows=N paints=K paint_ms_p50=A paint_ms_p99=B paint_ms_max=C`.
class BenchOpen : public QObject {
    Q_OBJECT
public:
    BenchOpen(MainWindow& window, QString path, bool scroll = false);
    void start();

private:
    void sample();
    void finish();
    void scrollAround();

    MainWindow& m_window;
    QString m_path;
    bool m_scroll;
    QElapsedTimer m_clock;
    QTimer* m_sampler;
    long m_peakKib = 0;
};

// RssAnon of this process in KiB from /proc/self/status; 0 when unreadable.
long rssAnonKib();

}  // namespace rcvmon
