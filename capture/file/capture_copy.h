// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/capture_file_reader.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
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

// Packet `index` (0-based, over all the files copied)'s comments into `out`; false keeps the
// ones its file has. Called on the copying thread. pcap drops comments (it has none).
using CopyComments = std::function<bool(std::uint64_t index, std::vector<std::string_view>& out)>;

// copyCaptures, with each packet's comments given by `comments` (or its file's, opt_comment).
bool copyCaptures(const std::vector<std::string>& from, const std::string& to, FileFormat format,
                  const CopyComments& comments, std::uint64_t& packets, std::string& error);

}  // namespace rcvmon
