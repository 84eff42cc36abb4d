// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {

class Dissection;
struct FieldRecord;
struct LayerRecord;

// The filter text that selects packets with this field occurrence's value, as Wireshark's
// "Apply as Filter" writes it: ip.src == 198.18.0.1, dns.qry.name == "example.com".
std::string filterExpressionFor(const Dissection& dissection, const FieldRecord& field);
// For a protocol layer: its filter name alone ("tcp").
std::string filterExpressionFor(const LayerRecord& layer);

// Every name a filter accepts (fields, shorthands like ip.addr, protocols), sorted, for
// completion in a filter bar.
const std::vector<std::string_view>& filterNames();

}  // namespace rcvmon
