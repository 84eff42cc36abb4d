// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"

#include <optional>
#include <string>
#include <vector>

namespace rcvmon::cli {

// One -i of a live capture, with the -m and -f that followed it.
struct InterfaceSpec {
    std::string name;                   // a local interface, or ssh://[user@]host[:port]/if
    std::optional<CaptureMode> mode;    // -m after this -i
    std::optional<std::string> filter;  // -f after this -i
};

struct CliOptions;

// -i, -m and -f as dumpcap and tshark take them: -m or -f before the first -i set the
// default for every interface, after an -i they apply to that interface alone.
void addInterface(CliOptions& o, const std::string& name);
void applyModeOption(CliOptions& o, CaptureMode mode);
void applyFilterOption(CliOptions& o, const std::string& filter);

// The mode and filter each interface captures with, defaults filled in.
CaptureMode modeOf(const CliOptions& o, const InterfaceSpec& spec);
std::string filterOf(const CliOptions& o, const InterfaceSpec& spec);

// Bad usage among the interfaces (an ssh:// that does not parse, one given twice), or empty.
std::string checkInterfaceSpecs(const CliOptions& o);

}  // namespace rcvmon::cli
