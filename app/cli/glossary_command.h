// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>

namespace rcvmon::cli {

// -G fields / -G protocols: the registered fields and protocols, in tshark -G's layout.
int runGlossary(const std::string& report);

}  // namespace rcvmon::cli
