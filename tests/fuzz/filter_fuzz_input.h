// SPDX-License-Identifier: GPL-2.0-or-later
// The display-filter fuzz input: the filter text up to the first NUL byte, then (optional)
// frames in the dissector's fuzz format (dissector_fuzz_input.h). The text is compiled; a
// filter that compiles is evaluated on nine hand-built frames (TCP, UDP/DNS, IPv6, ARP, IP in
// IP, ICMP, VLAN) and the input's frames, the way the CLI (in file order, state across frames)
// and the packet list (each frame alone, quick header pass first) evaluate it. Where the quick
// pass decides a frame, it must decide as the full dissection does; a difference aborts.
#pragma once

#include <cstddef>
#include <cstdint>

namespace rcvmon::fuzz {

void runFilterInput(const std::uint8_t* data, std::size_t size);

}  // namespace rcvmon::fuzz
