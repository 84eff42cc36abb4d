// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <cstdint>

namespace rcvmon {

class CaptureController;
struct CaptureCounters;

// Where live captures are spooled and how much memory and disk a capture may take, as the
// Preferences dialog sets them and QSettings keeps them.
struct SpoolSettings {
    QString directory;               // empty: the system's temporary directory
    std::uint64_t memoryBoundMiB = 0;  // the index (and an opened file's); 0: the default
    std::uint64_t diskBoundMiB = 0;    // the spool file; 0: until the disk is full

    static SpoolSettings load();
    void save() const;
    // Used by the controller's next capture or opened file.
    void applyTo(CaptureController& controller) const;
};

// The status bar's "Memory: used of bound · Spool: used of bound" text.
QString boundsStatusText(const CaptureCounters& counters);

}  // namespace rcvmon
