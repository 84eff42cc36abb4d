// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

namespace rcvmon {

// The application protocol the UDP dissector hands a payload to by port (the lower port
// first, as Wireshark tries them): its filter name ("dns", "mdns", ...), or empty. Shared
// with the display filter's quick pass so the two can never choose differently.
std::string_view udpPortProtocol(std::uint16_t srcPort, std::uint16_t dstPort);

}  // namespace rcvmon
