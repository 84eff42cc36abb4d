// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/pdu_prefixes.h"

#include <algorithm>
#include <cstring>

namespace rcvmon {

PduPrefixes::Slot* PduPrefixes::slotOf(const void* key) const
{
    if (!m_slots || !key) return nullptr;
    for (Slot& s : *m_slots)
        if (s.key == key) return &s;
    return nullptr;
}

void PduPrefixes::save(const void* key, ByteSpan bytes)
{
    if (!key) return;
    if (!m_slots) m_slots = std::make_unique<std::array<Slot, kSlots>>();
    Slot* slot = slotOf(key);
    if (!slot) {
        slot = &(*m_slots)[m_next];
        m_next = (m_next + 1) % kSlots;
    }
    slot->key = key;
    slot->length = static_cast<std::uint32_t>(std::min(bytes.size(), kBytes));
    std::memcpy(slot->bytes.data(), bytes.data(), slot->length);
}

void PduPrefixes::append(const void* key, ByteSpan bytes)
{
    Slot* slot = slotOf(key);
    if (!slot) return;
    const std::size_t n = std::min(bytes.size(), kBytes - slot->length);
    std::memcpy(slot->bytes.data() + slot->length, bytes.data(), n);
    slot->length += static_cast<std::uint32_t>(n);
}

ByteSpan PduPrefixes::find(const void* key) const
{
    const Slot* slot = slotOf(key);
    return slot ? ByteSpan(slot->bytes.data(), slot->length) : ByteSpan{};
}

void PduPrefixes::drop(const void* key)
{
    if (Slot* slot = slotOf(key)) slot->key = nullptr;
}

void PduPrefixes::clear()
{
    if (!m_slots) return;
    for (Slot& s : *m_slots) s.key = nullptr;
    m_next = 0;
}

}  // namespace rcvmon
