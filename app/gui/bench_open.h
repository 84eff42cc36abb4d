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
class BenchOpen : public QObject {
    Q_OBJECT
public:
    BenchOpen(MainWindow& window, QString path);
    void start();

private:
    void sample();
    void finish();

    MainWindow& m_window;
    QString m_path;
    QElapsedTimer m_clock;
    QTimer* m_sampler;
    long m_peakKib = 0;
};

// RssAnon of this process in KiB from /proc/self/status; 0 when unreadable.
long rssAnonKib();

}  // namespace rcvmon
