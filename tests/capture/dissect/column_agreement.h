// SPDX-License-Identifier: GPL-2.0-or-later
// How often RcvMon's Protocol column, Info column and deep fields equal tshark's on a corpus
// capture (NAME.cols.tsv and NAME.deep.tsv beside it), counted as issue 10 counts them: IP
// frames only (frame.protocols holds ip or ipv6, what SIO_RCVALL delivers), at most the
// first 300 of them per capture, deep cells only where either side has a value. Tallies are
// kept per protocol (tshark's Protocol column) and per deep field, so gaps read by protocol.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace rcvmon::test {

struct Agreement {
    std::size_t matched = 0, compared = 0;
    double rate() const { return compared ? double(matched) / double(compared) : 1.0; }
    void add(bool match) { ++compared; matched += match ? 1 : 0; }
};

struct ColumnTallies {
    Agreement protocol, info, deep;
    std::map<std::string, Agreement> protocolBy, infoBy;  // by tshark's Protocol column
    std::map<std::string, Agreement> deepBy;              // by field name
    std::size_t captures = 0;

    void merge(const ColumnTallies& other);
};

inline constexpr std::size_t kIpFramesPerCapture = 300;

// Dissects one capture (path without the .cols.tsv suffix) and adds its rows; false with an
// error when the capture or its tables cannot be read.
bool tallyCapture(const std::string& capture, ColumnTallies& tallies, std::string& error);

}  // namespace rcvmon::test
