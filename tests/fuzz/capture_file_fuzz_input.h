// SPDX-License-Identifier: GPL-2.0-or-later
// The capture-file fuzz input is a whole file. It is put in an anonymous in-memory file and
// read the way RcvMon reads one: mapped in file order into a file-backed store, every frame
// read back by offset through the reader and the store, a spread of arbitrary offsets tried
// on the random-access index, and the same bytes streamed as from a pipe. Mapped and
// streamed reading must agree frame for frame, and random access must give back exactly
// what file order gave; any difference aborts, as a crash would.
#pragma once

#include "file/capture_file_reader.h"

#include <cstddef>
#include <cstdint>

namespace rcvmon::fuzz {

// 0 when the input was read; -1 (libFuzzer: keep it out of the corpus) when it does not
// start with the wanted format's magic, so each harness fuzzes its own reader.
int runCaptureFileInput(const std::uint8_t* data, std::size_t size, FileFormat wanted);

}  // namespace rcvmon::fuzz
