// SPDX-License-Identifier: GPL-2.0-or-later
// Value names of NFS versions 2 and 3 (RFC 1094 §2.3.1, RFC 1813 §2.6) as Wireshark shows them.
#pragma once

#include "dissect/field_registry.h"

#include <cstdint>
#include <span>
#include <string>

namespace rcvmon {

std::span<const ValueName> nfsStatus2Names();
std::span<const ValueName> nfsStatus3Names();
std::span<const ValueName> fileType3Names();
std::span<const ValueName> createModeNames();
std::span<const ValueName> stableHowNames();

// "NFS3ERR_NOENT"; an unnamed status as "Unknown (N)".
void appendNfsStatus3(std::string& out, std::uint64_t status);
void appendNfsStatus2(std::string& out, std::uint64_t status);
// "Regular File"; an unnamed type as "Unknown Type: 0x…".
void appendFileType3(std::string& out, std::uint64_t type);

}  // namespace rcvmon
