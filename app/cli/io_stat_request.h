// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/field_registry.h"
#include "filter/display_filter.h"
#include "stats/io_field_value.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rcvmon::cli {

// One column of -z io,stat: tshark's calculators (ui/cli/tap-iostat.c). "FILTER" (or empty)
// counts frames and bytes; FRAMES()FILTER, BYTES()FILTER, COUNT(F)FILTER, SUM(F)FILTER,
// MIN(F)FILTER, MAX(F)FILTER, AVG(F)FILTER and LOAD(F)FILTER compute on field F of the
// frames FILTER matches.
struct IoStatColumn {
    enum class Calc : std::uint8_t { Frames, Bytes, FramesAndBytes, Count, Sum, Min, Max, Avg, Load };
    Calc calc = Calc::FramesAndBytes;
    std::optional<std::string> spec;  // the column as given (nullopt: empty, "Frames and bytes")
    std::optional<DisplayFilter> filter;  // nullopt: every frame
    FieldId field = 0;
    IoFieldType type = IoFieldType::Other;
    bool narrowSigned = false;  // a signed field of at most 32 bits (tshark compares as int32)
};

// -z io,stat,INTERVAL[,COLUMN]...: INTERVAL in seconds (0: the whole capture), its decimal
// precision as tshark derives it, and the columns.
struct IoStatRequest {
    std::uint64_t intervalUs = 0;  // UINT64_MAX: the whole capture
    unsigned precision = 0;
    std::vector<IoStatColumn> columns;
};

// For a spec that starts with "io,stat,": the request, or nullopt with `error` set to
// tshark's message.
std::optional<IoStatRequest> parseIoStatRequest(const std::string& spec, std::string& error);

}  // namespace rcvmon::cli
