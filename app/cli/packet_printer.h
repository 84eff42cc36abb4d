// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cli_options.h"
#include "output_buffer.h"

#include "core/frame.h"

#include <cstdint>
#include <memory>
#include <string>

namespace rcvmon {
class Dissection;
}

namespace rcvmon::cli {

// Prints dissected packets in one of rcvmon-cli's -T formats.
class PacketPrinter {
public:
    virtual ~PacketPrinter() = default;
    virtual void begin() {}
    virtual void print(const FrameRef& frame, std::uint64_t number, const Dissection& dissection) = 0;
    virtual void end() {}
};

// Builds the printer for the options; nullptr and error set for an unknown -e field.
std::unique_ptr<PacketPrinter> makePacketPrinter(const CliOptions& options, OutputBuffer& out, std::string& error);

}  // namespace rcvmon::cli
