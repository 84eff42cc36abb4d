// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stats/conversation_table.h"
#include "stats/endpoint_table.h"
#include "stats/protocol_hierarchy.h"
#include "stats/stat_kind.h"

#include <cstdint>
#include <string>

namespace rcvmon::cli {

// The statistics tables in tshark 4.0's text layout (ui/cli/tap-iousers.c, tap-endpoints.c,
// tap-protohierstat.c): same headers, column widths, row order and number formats.
// Addresses are printed as numbers, as `tshark -n` prints them (no vendor names).
void appendConversationText(std::string& out, StatKind kind, const ConversationTable& table);
void appendEndpointText(std::string& out, StatKind kind, const EndpointTable& table);
void appendHierarchyText(std::string& out, const ProtocolHierarchy& hierarchy);

// tshark's format_size(bytes, format_size_unit_bytes): "999 bytes", "9999 bytes", "10 kB",
// "262 kB", "12 MB" — SI prefixes, truncated, a prefix only from 10 units up.
std::string formatByteSize(std::uint64_t bytes);

}  // namespace rcvmon::cli
