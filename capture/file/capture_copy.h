// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/capture_file_reader.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rcvmon {

// Writes every packet of the capture file `from` to `to` in `format`, atomically (a temporary
// beside `to`, renamed into place by the last step: a failure leaves no partial file). The
// interfaces keep their names and link types. A torn last record (a file still being written,
// or left by a kill) is left out, as every reader does. False with one clear sentence in error.
bool copyCapture(const std::string& from, const std::string& to, FileFormat format, std::uint64_t& packets,
                 std::string& error);

// The same for several files one after another (a spool's ring of files, oldest first), as
// one capture: interfaces with the same name and link type become one. Every file is opened
// before the first packet is copied, so one deleted meanwhile (POSIX) is still read whole.
bool copyCaptures(const std::vector<std::string>& from, const std::string& to, FileFormat format,
                  std::uint64_t& packets, std::string& error);

}  // namespace rcvmon
