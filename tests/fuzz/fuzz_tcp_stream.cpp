// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer entry point over the dissector's TCP reassembly, sequence analysis and
// application state across one connection's segments (see tcp_stream_fuzz_input.h).
#include "tcp_stream_fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    rcvmon::fuzz::runTcpStreamInput(data, size);
    return 0;
}
