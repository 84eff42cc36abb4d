// SPDX-License-Identifier: GPL-2.0-or-later
// DCE/RPC interfaces by UUID as Wireshark names them, and the operation names of the ones
// whose operations RcvMon names (MS-SAMR §3.1.5, MS-LSAD/MS-LSAT, C706 Appendix O for EPM).
#pragma once

#include "dissect/field_registry.h"

#include <span>
#include <string_view>

namespace rcvmon {

struct DcerpcInterface {
    std::string_view uuid;
    std::string_view name;    // the Info and Protocol column name
    std::string_view filter;  // Wireshark's filter name
    std::span<const ValueName> operations{};  // empty: only Bind items name it
    std::string_view opnumField{};            // Wireshark's "<filter>.opnum" field
    bool ntStatusResult = false;              // operations return an NTSTATUS Info shows
    std::string_view column{};                // the Protocol column, when not `name`
    std::string_view protocolColumn() const { return column.empty() ? name : column; }
};

// The interface with this UUID (lower-case text); null when Wireshark does not name it.
const DcerpcInterface* findDcerpcInterface(std::string_view uuid);
// Every interface, in a fixed order (for registering their fields).
std::span<const DcerpcInterface> dcerpcInterfaces();

}  // namespace rcvmon
