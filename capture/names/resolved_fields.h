// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace rcvmon {
class Dissection;
}

namespace rcvmon::names {

class NameResolver;

// Wireshark's resolved-address fields (eth.src_resolved, eth.addr.oui_resolved, ip.src_host,
// ipv6.host, ...): derived from the address fields when printed, so the dissectors record
// nothing more and rows never shown cost nothing.
struct ResolvedField {
    std::string_view name;   // "ip.src_host"
    std::string_view label;  // "Source Host"
    std::string_view base;   // the address field(s) it derives from: "ip.src", or "ip.src ip.dst"
    bool oui = false;        // the vendor's name of the address's OUI, only when registered
};

std::span<const ResolvedField> resolvedFields();
const ResolvedField* findResolvedField(std::string_view name);

// tshark -T fields text: every occurrence, outer first, comma-joined (nothing when absent).
void appendResolvedField(const ResolvedField& field, const Dissection& dissection, const NameResolver& resolver,
                         std::string& out, std::string_view separator = ",");

}  // namespace rcvmon::names
