// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"
#include "packet_store_view.h"

#include <QObject>

#include <cstdint>

class QTimer;

namespace rcvmon {

// Work that must see every retained frame once, in capture order (a display filter, the
// statistics): it walks the store in slices of about 5 ms on the GUI thread, so the
// window stays responsive, and then follows the store as it grows. Frames evicted before
// the pass reached them are counted as skipped. GUI thread only, as the store view is.
class StorePass : public QObject {
    Q_OBJECT
public:
    explicit StorePass(QObject* parent = nullptr);

    // A new store (nullptr: none); the pass starts again from its first retained frame.
    void setStore(PacketStoreView* store);
    // Forgets what was done and walks the retained frames again.
    void restart();
    // The store grew: go on from where the pass stopped, unless it is paused.
    void kick();
    // Runs slices until the pass has reached the end of the store (tests, small captures).
    void finish();

    bool running() const { return m_running; }
    bool caughtUp() const;
    std::uint64_t nextNumber() const { return m_next; }
    std::uint64_t skipped() const { return m_skipped; }
    // Share of the retained frames already seen, 0..1.
    double progress() const;

signals:
    // A slice ended; caughtUp() says whether the pass reached the end of the store.
    void advanced();

protected:
    // Whether the pass should run at all (a filter that passes everything needs none).
    virtual bool active() const { return true; }
    // Called by restart() and setStore(): forget everything seen so far.
    virtual void begin() = 0;
    virtual void visit(const FrameRef& frame, std::uint64_t number) = 0;
    // After each slice, before advanced() is emitted.
    virtual void endSlice() {}

private:
    void slice();
    void schedule();

    PacketStoreView* m_store = nullptr;
    QTimer* m_timer;
    std::uint64_t m_next = 1;
    std::uint64_t m_skipped = 0;
    bool m_running = false;
};

}  // namespace rcvmon
