// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "packet_decoder.h"

#include <memory>

namespace rcvmon {

// The real PacketDecoder: RcvMon's dissector, per packet (no reassembly, since rows are
// re-dissected one at a time in any order), with tshark's field names and value text.
// With `names`, the Source/Destination columns and Info's port names follow its switches
// (it must outlive the decoder).
namespace names {
class NameResolver;
}
std::unique_ptr<PacketDecoder> makeDissectorDecoder(const names::NameResolver* names = nullptr);

}  // namespace rcvmon
