// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"

#include <cstdint>
#include <string>

namespace rcvmon {

// Text forms tshark prints; no locale, no POSIX (the core also builds for Windows).
void appendDecimal(std::string& out, std::uint64_t value);
void appendSigned(std::string& out, std::int64_t value);
void appendHex(std::string& out, std::uint64_t value, unsigned digits);  // "0x" + at least `digits` digits
void appendIpv4(std::string& out, ByteSpan bytes);                      // 4 bytes
void appendIpv6(std::string& out, ByteSpan bytes);                      // 16 bytes, RFC 5952 like inet_ntop
void appendMac(std::string& out, ByteSpan bytes);                       // aa:bb:..., any length
// seconds + "." + nanoseconds in 9 digits (more when a file stored an out-of-range fraction).
void appendEpoch(std::string& out, std::int64_t seconds, std::uint32_t nanoseconds);

}  // namespace rcvmon
