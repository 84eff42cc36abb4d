// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to the HTTP dissector: the first bytes of a message body as the application sees
// them, after the Content-Encoding is undone (RFC 9110 §8.4.1).
#pragma once

#include "core/bytes.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rcvmon {

enum class ContentCoding : std::uint8_t { Identity, Gzip, Deflate, Unknown };

ContentCoding contentCodingOf(std::string_view headerValue);

// Decodes the start of `body` (as much of it as was captured, possibly only a first segment)
// into `out`, at most out.size() bytes; returns how many it produced. Zero for an unknown
// coding or bytes that do not decode. Allocates nothing after its first use on a thread.
std::size_t decodeBodyPrefix(ByteSpan body, ContentCoding coding, std::span<std::uint8_t> out);

}  // namespace rcvmon
