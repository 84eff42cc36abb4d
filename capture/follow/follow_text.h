// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "follow/follow_stream.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rcvmon {

// Wireshark's "Show data as" choices; the first four are also tshark's -z follow modes.
enum class FollowFormat : std::uint8_t { Ascii, HexDump, Raw, Yaml, CArrays };

std::string_view followFormatName(FollowFormat format);  // tshark's: ascii, hex, raw, yaml
std::optional<FollowFormat> followFormatFromName(std::string_view name);  // CArrays has none

// Node 0 / Node 1 as tshark prints them: "10.0.0.1:80", "[2001:db8::1]:80", ":0" unknown.
std::string followEndpointText(const FollowEndpoint& e);

// What `tshark -q -z follow,PROTO,MODE,FILTER[,RANGE]` prints for the stream, byte for byte
// (ui/cli/tap-follow.c): the header, then chunks chunkMin..chunkMax (1-based) in the mode.
void appendFollowReport(std::string& out, const FollowStream& stream, FollowFormat format,
                        std::uint32_t chunkMin = 1, std::uint32_t chunkMax = UINT32_MAX);

// One chunk for the window, without tshark's tab for the server side (colour tells the
// sides apart there). `sideOffset` is the bytes the same side sent before (hex dump
// offsets); `sideIndex` the chunks it sent before (C array names).
void appendFollowChunk(std::string& out, const FollowStream& stream, const FollowChunk& chunk, FollowFormat format,
                       std::uint64_t sideOffset, std::uint32_t sideIndex);
// The text before the first chunk in the window (YAML's peers list; empty otherwise).
void appendFollowPreamble(std::string& out, const FollowStream& stream, FollowFormat format);

}  // namespace rcvmon
