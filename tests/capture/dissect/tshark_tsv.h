// SPDX-License-Identifier: GPL-2.0-or-later
// Comparing RcvMon's field output with tshark's `-T fields -E header=y` tables, field by
// field, against a list of known gaps. Shared by the dissector's reference test and the
// CLI's (which compares `rcvmon-cli -r F -T fields` output).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon::tsv {

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // each as wide as header (short rows padded)
};

std::vector<std::string> splitTabs(std::string_view line);
// Parses tab-separated text whose first line is the header.
Table parseTable(std::string_view text);
bool readTable(const std::string& path, Table& out, std::string& error);

// One accepted difference: columns file, mode (reasm|noreasm), frame, field, expected, reason.
struct Gap {
    std::string file, mode;
    std::uint64_t frame = 0;
    std::string field, expected, reason;
};
// Lines starting with '#' and the header line ("file\t...") are skipped.
bool readKnownGaps(const std::string& path, std::vector<Gap>& out, std::string& error);

struct Mismatch {
    std::string file, mode;
    std::uint64_t frame = 0;
    std::string field, expected, actual;
};

struct FieldTally {
    std::size_t compared = 0, matched = 0;
    double rate() const { return compared ? double(matched) / double(compared) : 1.0; }
};

class Comparison {
public:
    explicit Comparison(std::vector<Gap> gaps = {}) : m_gaps(std::move(gaps)), m_gapSeen(m_gaps.size(), false) {}

    // Compares `actual` with `expected`, both laid out as `header`. The frame number is the
    // row's frame.number (1-based) and is used to match known gaps.
    void compareRow(std::string_view file, std::string_view mode, std::uint64_t frame,
                    const std::vector<std::string>& header, const std::vector<std::string>& expected,
                    const std::vector<std::string>& actual);
    // Marks a file/mode as compared, so its listed gaps must occur.
    void noteCompared(std::string_view file, std::string_view mode);

    const std::map<std::string, FieldTally>& tallies() const { return m_tallies; }
    const std::vector<Mismatch>& mismatches() const { return m_mismatches; }
    std::vector<Mismatch> unlisted() const;
    // Listed gaps of a compared file/mode that did not occur: the list must stay true.
    std::vector<Gap> stale() const;
    // "field  matched/compared  rate%" lines, in header order of first appearance.
    std::string report() const;

private:
    std::vector<Gap> m_gaps;
    std::vector<bool> m_gapSeen;
    std::vector<bool> m_mismatchListed;
    std::vector<std::string> m_fieldOrder;
    std::vector<std::string> m_compared;  // "file\tmode"
    std::map<std::string, FieldTally> m_tallies;
    std::vector<Mismatch> m_mismatches;
};

std::string describe(const Mismatch& m);
std::string describe(const Gap& g);

}  // namespace rcvmon::tsv
