// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cli_options.h"

#include "file/capture_file_reader.h"
#include "file/interface_statistics.h"
#include "live/capture_source.h"
#include "live/source_merger.h"

#include <memory>
#include <string>
#include <vector>

namespace rcvmon::cli {

// The sources of a live capture, opened from its -i list: a local interface, a remote one
// (ssh://), or several merged by time stamp into one (interface ids in -i order).
struct LiveSources {
    std::unique_ptr<CaptureSource> source;  // for the session to own
    CaptureSource* capture = nullptr;        // the same source, still valid once the session owns it
    SourceMerger* merger = nullptr;          // the same source, when there are several
    std::vector<InterfaceInfo> interfaces;   // the file's interfaces, by interface id

    // Each interface's counts so far (received, and every drop before the output).
    std::vector<InterfaceStatistics> statistics(const Timestamp& start, const Timestamp& end,
                                                std::uint64_t sessionRingDrops) const;
};

// On failure says which interface could not be opened and why.
bool openLiveSources(const CliOptions& o, LiveSources& out, std::string& error);

}  // namespace rcvmon::cli
