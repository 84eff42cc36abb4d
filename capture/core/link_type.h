// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>

namespace rcvmon {

// LINKTYPE_* values of the pcap and pcapng formats (tcpdump.org/linktypes.html).
namespace link_type {
inline constexpr std::uint32_t Null = 0;        // BSD loopback, host-order AF
inline constexpr std::uint32_t Ethernet = 1;
inline constexpr std::uint32_t Ppp = 9;
inline constexpr std::uint32_t PppSerial = 50;    // PPP in HDLC-like framing
inline constexpr std::uint32_t CiscoHdlc = 104;
inline constexpr std::uint32_t FrameRelay = 107;
inline constexpr std::uint32_t RawLegacy12 = 12;  // DLT_RAW on some BSDs
inline constexpr std::uint32_t RawLegacy14 = 14;  // DLT_RAW on others
inline constexpr std::uint32_t Raw = 101;       // bare IPv4/IPv6 (what SIO_RCVALL delivers)
inline constexpr std::uint32_t Loop = 108;      // OpenBSD loopback, network-order AF
inline constexpr std::uint32_t LinuxSll = 113;
inline constexpr std::uint32_t Ipv4 = 228;
inline constexpr std::uint32_t Ipv6 = 229;
inline constexpr std::uint32_t LinuxSll2 = 276;
}  // namespace link_type

}  // namespace rcvmon
