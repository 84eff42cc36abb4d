// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer entry point over the pcapng reader, its random-access index and the file-backed
// store (see capture_file_fuzz_input.h).
#include "capture_file_fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return rcvmon::fuzz::runCaptureFileInput(data, size, rcvmon::FileFormat::PcapNg);
}
