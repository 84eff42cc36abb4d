// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"

#include <cstdint>
#include <span>

namespace rcvmon {

// The fields an Info writer may find its layer's in: those recorded since the layer began (a
// field never comes before its layer). `for (const FieldRecord& f : layerFields(l))` with an
// `f.layer != l.layer()` check reads only its own and later layers' fields; looping over
// l.dissection().fields() also walks every Frame, Ethernet, IP and TCP/UDP field before it,
// on every row shown. Prefer LayerView::field / forEach / forEachField where they fit.
inline std::span<const FieldRecord> layerFields(const LayerView& l)
{
    const auto layers = l.dissection().layers();
    const auto fields = l.dissection().fields();
    const std::uint32_t start = l.layer() < layers.size() ? layers[l.layer()].firstField : 0;
    return start <= fields.size() ? fields.subspan(start) : fields.subspan(fields.size());
}

}  // namespace rcvmon
