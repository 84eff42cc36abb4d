// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "store_pass.h"

#include <cstdint>

namespace rcvmon {

// A StorePass that stays off until a view first asks for it (setEnabled), so opening a file
// or capturing costs nothing extra for users who never look at what it counts. Each start
// over (a new store, or enabled again) empties its results, moves generation() and emits
// cleared(), so the models over it start over too.
class OnDemandPass : public StorePass {
    Q_OBJECT
public:
    explicit OnDemandPass(QObject* parent = nullptr);

    void setEnabled(bool enabled);
    bool enabled() const { return m_enabled; }
    std::uint64_t generation() const { return m_generation; }

signals:
    void cleared();

protected:
    bool active() const override { return m_enabled; }
    void begin() final;
    // Forget every result: the pass starts again from the first retained frame.
    virtual void clearResults() = 0;

private:
    bool m_enabled = false;
    std::uint64_t m_generation = 0;
};

}  // namespace rcvmon
