// SPDX-License-Identifier: GPL-2.0-or-later
#include "interface_specs.h"

#include "cli_options.h"

#include "live/ssh_target.h"

#include <set>

namespace rcvmon::cli {

void addInterface(CliOptions& o, const std::string& name)
{
    o.interfaces.push_back(InterfaceSpec{name, std::nullopt, std::nullopt});
    if (o.interface.empty()) o.interface = name;
}

// o.mode and o.captureFilter keep meaning "the capture's" for a single interface.
void applyModeOption(CliOptions& o, CaptureMode mode)
{
    if (o.interfaces.empty()) o.defaultMode = mode;
    else o.interfaces.back().mode = mode;
    o.mode = modeOf(o, o.interfaces.empty() ? InterfaceSpec{} : o.interfaces.front());
}

void applyFilterOption(CliOptions& o, const std::string& filter)
{
    if (o.interfaces.empty()) o.defaultFilter = filter;
    else o.interfaces.back().filter = filter;
    o.captureFilter = filterOf(o, o.interfaces.empty() ? InterfaceSpec{} : o.interfaces.front());
}

CaptureMode modeOf(const CliOptions& o, const InterfaceSpec& spec)
{
    return spec.mode.value_or(o.defaultMode);
}

std::string filterOf(const CliOptions& o, const InterfaceSpec& spec)
{
    return spec.filter.value_or(o.defaultFilter);
}

std::string checkInterfaceSpecs(const CliOptions& o)
{
    std::set<std::string> seen;
    for (const auto& spec : o.interfaces) {
        if (spec.name.empty()) return "-i needs an interface name";
        if (!seen.insert(spec.name).second) return "interface " + spec.name + " is given twice";
        if (isSshUrl(spec.name)) {
            std::string error;
            if (!parseSshTarget(spec.name, error)) return error;
        }
    }
    if (o.controlStdin && o.interfaces.size() > 1) return "--control-stdin works with one -i";
    return {};
}

}  // namespace rcvmon::cli
