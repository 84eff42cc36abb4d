// SPDX-License-Identifier: GPL-2.0-or-later
// AFS service ports and operation names as packet-afs.c names them.
#pragma once

#include "dissect/field_registry.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace rcvmon::afs {

// The service's short name ("FS", "VLDB"), empty for a port that is none.
std::string_view serviceShortName(std::uint32_t port);
// The operation names of the service on that port (UBIK's for its vote and disk ranges);
// empty when Wireshark has none (the error service, an unknown port).
std::span<const ValueName> operationNames(std::uint32_t port, std::uint32_t opcode);
bool isUbik(std::uint32_t opcode);

}  // namespace rcvmon::afs
