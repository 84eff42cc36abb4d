// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rcvmon {

// The window's spool files: "rcvmon-spool-<pid>-<yyyymmdd-hhmmss>-<n>.pcapng" in the spool
// directory. The name says which process owns the file, so a later start can tell a capture
// left behind by a crash or kill (its process is gone) from one another window is writing.

std::int64_t currentProcessId();
// Whether a process with this id runs now (a pid reused by another program counts as alive:
// its file is then left alone, never taken from a running capture).
bool processAlive(std::int64_t pid);

// A new spool file name for this process; `serial` tells apart the captures of one process.
// A capture spooled to a ring of files names each `part` (1, 2, ...) with its capture's
// start time and serial: "rcvmon-spool-<pid>-<yyyymmdd-hhmmss>-<n>-<part>.pcapng", so the
// files of one capture are found together after a crash (spool_sets.h). Part 0: one file.
std::string spoolFileName(std::int64_t pid, std::int64_t unixSeconds, std::uint32_t serial, std::uint32_t part = 0);
// The owning process of a spool file name (a bare name, not a path); nullopt when the name is
// not a spool file's.
std::optional<std::int64_t> spoolFileOwner(const std::string& fileName);

struct OrphanedSpool {
    std::string path;
    std::int64_t pid = 0;          // the process that wrote it, no longer running
    std::uint64_t bytes = 0;
    std::int64_t modifiedUnix = 0;  // last write, seconds since the epoch
};

// Spool files in `directory` whose process is gone, oldest first. A missing or unreadable
// directory has none.
std::vector<OrphanedSpool> findOrphanedSpools(const std::string& directory);

// Takes an orphan over for this process: renames it to a name of ours in the same directory,
// so no other start offers it again while it is open here. The new path, or empty and error.
std::string adoptSpool(const std::string& path, std::string& error);

}  // namespace rcvmon
