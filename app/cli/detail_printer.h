// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "packet_printer.h"

#include <string>
#include <vector>

namespace rcvmon::cli {

// -V: every packet's detail tree, the lines the window's detail pane shows, indented four
// spaces a level, a blank line after each packet (tshark's layout). With -O only the named
// protocols are expanded; the other layers show their title line alone.
std::unique_ptr<PacketPrinter> makeDetailPrinter(std::vector<std::string> expanded, OutputBuffer& out);

}  // namespace rcvmon::cli
