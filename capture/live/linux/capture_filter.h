// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <linux/filter.h>

namespace rcvmon {

// The classic BPF program a packet socket runs in the kernel, so frames RcvMon would throw
// away are never copied into the ring. It is the seed's IPv4/IPv6-only rule (Ethernet
// type 0x0800 / 0x86dd, also behind one 802.1Q / 802.1ad tag) unless allProtocols, then
// the user's capture filter (libpcap syntax, compiled for Ethernet), which also sets the
// snap length. An empty expression accepts everything the first part lets through.
// On failure returns false and error names the expression and libpcap's reason.
// Limitation: libpcap compiles `vlan` for tags inside the frame data, but the kernel moves
// an 802.1Q tag out of the frame before packet-socket filters run (libpcap's own live
// handles switch to the kernel's VLAN extensions, which a compile without a live handle
// cannot ask for), so `vlan` expressions match only tags the kernel left in place.
bool buildCaptureFilter(const std::string& expression, bool allProtocols, std::uint32_t snapLength,
                        std::vector<sock_filter>& program, std::string& error);

// A program that accepts nothing: the socket stays open but the kernel copies no frame (Off).
std::vector<sock_filter> rejectAllFilter();

}  // namespace rcvmon
