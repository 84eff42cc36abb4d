// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>

namespace rcvmon {

// When a live capture moves on to its next file, and when it stops, as dumpcap's `-b` and
// `-a` say. 0 means "not set" everywhere.
struct LiveFileLimits {
    // A new file when the current one reaches one of these (dumpcap's -b; -a filesize too,
    // when a ring is in use, as dumpcap does).
    std::uint64_t fileBytes = 0;    // -b filesize:KB, in bytes (dumpcap's kB are 1000 bytes)
    std::uint64_t filePackets = 0;  // -b packets:N
    double fileSeconds = 0;         // -b duration:S, since the file was opened
    double intervalSeconds = 0;     // -b interval:S, when the wall clock is a multiple of S
    // -b files:N: only the newest N files are kept; the oldest is deleted as the next opens.
    std::uint32_t keepFiles = 0;

    // The capture stops when one of these is reached (dumpcap's -a).
    std::uint64_t stopBytes = 0;   // -a filesize:KB without a ring, in bytes
    std::uint32_t stopFiles = 0;   // -a files:N: after N files were written

    // Whether the capture goes to a ring of files (names from -w's, like dumpcap's) rather than one file.
    bool ring() const { return fileBytes || filePackets || fileSeconds > 0 || intervalSeconds > 0; }
};

}  // namespace rcvmon
