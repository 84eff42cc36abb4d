// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer entry point over the Dissector (see dissector_fuzz_input.h for the input format).
#include "dissector_fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    rcvmon::fuzz::runDissectorInput(data, size);
    return 0;
}
