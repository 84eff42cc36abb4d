// SPDX-License-Identifier: GPL-2.0-or-later
// DCE/RPC interfaces by UUID as Wireshark names them, and the operation names of the ones
// whose operations RcvMon names (MS-SAMR §3.1.5, MS-LSAD/MS-LSAT, C706 Appendix O for EPM).
#pragma once

#include "dissect/field_registry.h"

#include <span>
#include <string_view>

namespace rcvmon {

struct DcerpcInterface {
    enum Kind : std::uint8_t { Other, Samr, Lsarpc, Epm };
    std::string_view uuid;
    std::string_view name;    // the Info and Protocol column name
    std::string_view filter;  // Wireshark's filter name
    Kind kind = Other;
};

// The interface with this UUID (lower-case text); null when Wireshark does not name it.
// Only Samr, Lsarpc and Epm have operation names here; the others name Bind items alone.
const DcerpcInterface* findDcerpcInterface(std::string_view uuid);
std::span<const ValueName> samrOperations();
std::span<const ValueName> lsarpcOperations();
std::span<const ValueName> epmOperations();

}  // namespace rcvmon
