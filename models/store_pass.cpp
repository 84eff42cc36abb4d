// SPDX-License-Identifier: GPL-2.0-or-later
#include "store_pass.h"

#include <QElapsedTimer>
#include <QTimer>

namespace rcvmon {

namespace {
constexpr qint64 SliceNs = 5'000'000;  // long enough to be efficient, short enough not to be felt
}

StorePass::StorePass(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &StorePass::slice);
}

void StorePass::setStore(PacketStoreView* store)
{
    m_store = store;
    restart();
}

void StorePass::restart()
{
    m_timer->stop();
    m_next = m_store ? m_store->firstNumber() : 1;
    m_skipped = 0;
    begin();
    schedule();
}

void StorePass::kick()
{
    if (!m_timer->isActive()) schedule();
}

void StorePass::schedule()
{
    m_running = m_store && active() && !caughtUp();
    if (m_running) m_timer->start();
}

bool StorePass::caughtUp() const
{
    return !m_store || m_next >= m_store->endNumber();
}

double StorePass::progress() const
{
    if (!m_store || caughtUp()) return 1.0;
    const std::uint64_t first = m_store->firstNumber();
    const std::uint64_t total = m_store->endNumber() - first;
    const std::uint64_t done = m_next > first ? m_next - first : 0;
    return total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
}

void StorePass::finish()
{
    while (m_store && active() && !caughtUp()) slice();
}

void StorePass::slice()
{
    if (!m_store || !active()) {
        m_running = false;
        return;
    }
    QElapsedTimer clock;
    clock.start();
    const std::uint64_t first = m_store->firstNumber();
    if (m_next < first) {
        m_skipped += first - m_next;
        m_next = first;
    }
    const std::uint64_t end = m_store->endNumber();
    FrameRef frame;
    for (int i = 1; m_next < end; ++i) {
        const std::uint64_t number = m_next++;
        // A frame that cannot be read (its file shrank) is passed over, as the table shows it.
        if (m_store->frame(number, frame)) visit(frame, number);
        if ((i & 255) == 0 && clock.nsecsElapsed() >= SliceNs) break;
    }
    endSlice();
    schedule();
    emit advanced();
}

}  // namespace rcvmon
