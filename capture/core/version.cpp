// SPDX-License-Identifier: GPL-2.0-or-later
// Gives the core library at least one object so it links before other areas land.
namespace rcvmon {
const char* coreVersion() { return "0.1.0"; }
}  // namespace rcvmon
