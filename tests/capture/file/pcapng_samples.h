// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// A pcapng file exercising everything the reader must handle, shared by reader,
// stream and tshark-agreement tests: two sections in opposite byte orders, six interfaces
// with different link types, if_tsresol 10^-6 (default), 10^-9, 2^-20, 10^-3 and if_tsoffset,
// EPB with direction flags, SPB, the obsolete PB, and blocks the reader must skip.

#include "capture_builder.h"

namespace rcvmon::test {

// foreignBlocks adds a reserved-type block and a custom block: RcvMon and libpcap skip them,
// while Wireshark lists each as a frame of its own, so tshark comparisons leave them out.
inline PcapngBuilder richPcapng(bool foreignBlocks = true)
{
    PcapngBuilder b;
    b.section(false, {stringOption(4, "rcvmon test")});
    b.interface(1, 0);                                                                   // 0: µs by default
    b.interface(101, 65535, {stringOption(2, "eth1"), stringOption(3, "uplink"), byteOption(9, 9)});  // 1: ns
    b.interface(113, 262144, {byteOption(9, 0x80 | 20), b.tsoffset(1000)});             // 2: 2^-20 s, +1000 s
    b.interface(1, 1500, {byteOption(9, 3), b.tsoffset(-100)});                          // 3: ms, -100 s
    if (foreignBlocks) b.block(0x00000bad, payload(12, 7));                              // unknown
    b.epb(0, 1700000000ull * 1000000 + 250000, payload(60, 1));
    b.epb(1, 1700000000123456789ull, payload(40, 2), 1500, 1);                          // inbound
    b.block(4, {0, 0, 0, 0});                                                            // NRB, end only
    b.epb(2, (5ull << 20) + (1ull << 19), payload(28, 3), 0, 2);                         // outbound
    b.epb(2, (5ull << 20) + 1, payload(29, 4), 0, 1 | 4 << 2);                           // promiscuous
    b.epb(3, 1234567, payload(30, 5));
    if (foreignBlocks) b.block(0x40000bad, payload(8, 8));                               // custom block
    b.section(true);
    b.interface(276, 64, {stringOption(2, "big0"), byteOption(9, 9)});                    // 4
    b.interface(101, 0);                                                                 // 5
    b.epb(1, 1000000, payload(50, 6));                                                   // → interface 5
    b.spb(100, payload(64, 7));                                                          // interface 4, snaplen 64
    b.block(5, Bytes(12, 0));                                                            // ISB, no options
    b.pb(0, 2000000000ull * 1000000000 + 5, payload(31, 8));
    return b;
}

}  // namespace rcvmon::test
