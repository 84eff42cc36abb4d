// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer entry point over the display-filter compiler and evaluator (see filter_fuzz_input.h).
#include "filter_fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    rcvmon::fuzz::runFilterInput(data, size);
    return 0;
}
