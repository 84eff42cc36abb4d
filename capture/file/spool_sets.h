// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/spool_files.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rcvmon {

// A live capture that a crash or kill left in the spool directory: with a disk bound its
// spool is a ring of files (spool_files.h names them as parts of one capture), and they are
// recovered together, as one capture.
struct OrphanedCapture {
    std::vector<OrphanedSpool> files;  // its parts, in the order they were written
    std::int64_t pid = 0;
    std::uint64_t bytes = 0;          // all parts
    std::int64_t modifiedUnix = 0;     // the last write to any part
};

// What a spool file's name says about the capture it belongs to: the name without its part
// number (the same for every part of one capture) and the part (0: a capture of one file).
struct SpoolPart {
    std::string capture;
    std::uint32_t part = 0;
};
std::optional<SpoolPart> spoolFilePart(const std::string& fileName);

// The orphaned spool files of `directory` (findOrphanedSpools) grouped into captures: one
// entry per capture, its parts in order; captures oldest first by their last write.
std::vector<OrphanedCapture> findOrphanedCaptures(const std::string& directory);

// Takes an orphaned capture over for this process (see adoptSpool): one part is renamed; the
// parts of a ring are copied, in order, into one new spool file of ours (atomically: a
// failure leaves the parts as they were), then deleted. The file to open, or empty and error.
std::string adoptCapture(const OrphanedCapture& capture, std::string& error);

}  // namespace rcvmon
