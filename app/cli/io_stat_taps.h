// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "io_stat_request.h"

#include "core/bytes.h"
#include "core/frame.h"
#include "dissect/dissection.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rcvmon::cli {

// The -z io,stat requests of one run, fed in the single pass: each column keeps one cell per
// interval up to its last matching frame, computed as tshark's iostat_packet() does (its
// quirks included: MIN starts from the interval's first frame, AVG divides integers), and
// the table is drawn as tshark 4.0's iostat_draw() lays it out.
class IoStatTaps {
public:
    // False, with `error`, when the spec does not parse (tshark's message).
    bool add(std::size_t requestIndex, const std::string& spec, std::string& error);
    bool empty() const { return m_stats.empty(); }
    // The run's display filter (-Y): tshark collects the fields it names too.
    void primeWith(const DisplayFilter& filter) { m_primers.push_back(&filter); }
    void endFrame(const Dissection& dissection, const FrameRef& frame, std::uint64_t number);
    void appendReport(std::size_t requestIndex, std::string& out) const;

private:
    struct Cell {
        std::uint32_t frames = 0;
        std::uint32_t num = 0;      // AVG's sample count
        std::uint64_t counter = 0;  // bytes, count, sum, extreme (ns for times, µs for LOAD)
    };
    struct Column {
        IoStatColumn spec;
        std::vector<Cell> cells;     // one per interval from the first, to the last matching frame
        std::uint64_t maxValue = 0;  // tshark's max_vals: the widest value, for the column width
        std::uint32_t maxFrames = 0;
        // tshark's tree holds a field only when some filter of the run names it (the tree is
        // pruned to the "interesting" fields): a calculator on any other field sees none.
        bool fieldVisible = false;
    };
    struct Stat {
        std::size_t requestIndex = 0;
        IoStatRequest request;
        std::vector<Column> columns;
    };
    void addFrame(Column& column, const IoStatRequest& request, const Dissection& dissection, std::uint64_t relativeUs,
                  std::uint32_t length);
    void appendTable(const Stat& stat, std::string& out) const;
    bool named(FieldId field) const;

    std::vector<Stat> m_stats;
    std::vector<const DisplayFilter*> m_primers;
    bool m_started = false;
    Timestamp m_first{};
    std::uint64_t m_elapsedNs = 0;     // the capture's elapsed time (the latest frame's)
    std::uint64_t m_lastRelativeUs = 0;  // for a frame stamped before the first one
};

}  // namespace rcvmon::cli
