// SPDX-License-Identifier: GPL-2.0-or-later
// NTSTATUS values (MS-ERREF §2.3.1) by the names Wireshark gives them, for SMB, SMB2 and
// DCE/RPC's Info ("Error: STATUS_ACCESS_DENIED").
#pragma once

#include "dissect/field_registry.h"

#include <span>
#include <string>

namespace rcvmon {

std::span<const ValueName> ntStatusNames();
// The name, or Wireshark's "Unknown (0x%08x)" text.
void appendNtStatus(std::string& out, std::uint64_t status);

}  // namespace rcvmon
