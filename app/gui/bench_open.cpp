// SPDX-License-Identifier: GPL-2.0-or-later
#include "bench_open.h"

#include "capture_controller.h"
#include "main_window.h"
#include "packet_table_model.h"

#include <QCoreApplication>
#include <QFile>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace rcvmon {

long rssAnonKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("RssAnon:")) return line.mid(8).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

BenchOpen::BenchOpen(MainWindow& window, QString path)
    : QObject(&window), m_window(window), m_path(std::move(path)), m_sampler(new QTimer(this))
{
    connect(m_sampler, &QTimer::timeout, this, &BenchOpen::sample);
}

void BenchOpen::start()
{
    m_clock.start();
    sample();
    m_sampler->start(10);
    connect(m_window.controller(), &CaptureController::loadFinished, this, &BenchOpen::finish);
    if (!m_window.openFile(m_path)) {
        std::fprintf(stderr, "rcvmon: %s\n", qPrintable(m_window.messageText()));
        QCoreApplication::exit(1);
    }
}

void BenchOpen::sample()
{
    m_peakKib = std::max(m_peakKib, rssAnonKib());
}

void BenchOpen::finish()
{
    // Every row is in the model; show the last one and paint before stopping the clock.
    QTableView* table = m_window.packetTable();
    table->scrollToBottom();
    table->viewport()->repaint();
    QCoreApplication::processEvents();
    const double seconds = static_cast<double>(m_clock.nsecsElapsed()) / 1e9;
    sample();
    m_sampler->stop();
    std::printf("rows=%d seconds=%.3f peak_rss_anon_mib=%.1f\n", m_window.controller()->tableModel()->rowCount(),
                seconds, static_cast<double>(m_peakKib) / 1024.0);
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

}  // namespace rcvmon
