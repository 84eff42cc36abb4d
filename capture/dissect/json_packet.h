// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace rcvmon {

class Dissection;

// One packet as tshark -T json writes it: {"_index", "_type", "_score", "_source": {"layers":
// {protocol: {field name: value}}}}, a layer per protocol of the frame in its order, each
// field under its display-filter name with the value tshark -T fields prints. A field repeated
// within one layer is an array (tshark's --no-duplicate-keys), so every JSON parser keeps
// every value. Indented as tshark indents, for an array of packets.
void appendJsonPacket(std::string& out, const Dissection& dissection);
void appendJsonText(std::string& out, std::string_view value);

}  // namespace rcvmon
