// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissection_digest.h"

#include "dissect/dissection.h"

#include <cstring>
#include <string_view>

namespace rcvmon {

namespace {

struct Mixer {
    std::uint64_t h = 0x9e3779b97f4a7c15ull;
    void add(std::uint64_t v)
    {
        h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
        h *= 0xff51afd7ed558ccdull;
    }
    void add(std::string_view s)
    {
        add(static_cast<std::uint64_t>(s.size()));
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            add(word);
        }
        std::uint64_t tail = 0;
        if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
        add(tail);
    }
};

}  // namespace

std::uint32_t dissectionDigest(const Dissection& d)
{
    Mixer m;
    const auto layers = d.layers();
    m.add(static_cast<std::uint64_t>(layers.size()));
    for (const LayerRecord& l : layers) {
        m.add(l.filterName);
        m.add(std::uint64_t{l.offset} << 32 | l.length);
        m.add(static_cast<std::uint64_t>(l.status) | std::uint64_t{l.reassembled} << 8);
    }
    for (const FieldRecord& f : d.fields()) {
        if (f.layer < layers.size() && layers[f.layer].filterName == "frame") continue;
        m.add(std::uint64_t{f.id} | std::uint64_t{f.layer} << 16 | std::uint64_t{f.length} << 32);
        m.add(std::uint64_t{f.offset} << 32 | f.aux);
        m.add(f.number);
        if (f.valueLength != 0) {
            const ByteSpan bytes = d.valueBytes(f);
            m.add(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
        }
    }
    m.add(d.protocolName());
    m.add(d.infoText());
    m.add(static_cast<std::uint64_t>(d.infoKind()) | std::uint64_t{d.infoFenced()} << 8);
    return static_cast<std::uint32_t>(m.h ^ (m.h >> 32));
}

}  // namespace rcvmon
