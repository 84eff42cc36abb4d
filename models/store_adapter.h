// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "packet_store_view.h"
#include "store/packet_store.h"

namespace rcvmon {

// PacketStoreView over the capture library's PacketStore: the one place the models meet
// the store's records.
class StoreAdapter final : public PacketStoreView {
public:
    explicit StoreAdapter(PacketStore& store) : m_store(store) {}

    std::uint64_t firstNumber() const override { return m_store.firstNumber(); }
    std::uint64_t endNumber() const override { return m_store.endNumber(); }
    bool meta(std::uint64_t number, PacketMeta& out) const override
    {
        if (!m_store.contains(number)) return false;
        const PacketRecord& r = m_store.record(number);
        out.number = number;
        out.ts = r.ts();
        out.capturedLength = r.capturedLength;
        out.originalLength = r.originalLength;
        out.linkType = r.linkType;
        out.interfaceId = r.interfaceId;
        out.direction = r.direction;
        out.mode = r.mode;
        out.frameFlags = r.frameFlags;
        return true;
    }
    bool frame(std::uint64_t number, FrameRef& out) override { return m_store.readFrame(number, out); }
    const std::string& error() const override { return m_store.error(); }

private:
    PacketStore& m_store;
};

}  // namespace rcvmon
