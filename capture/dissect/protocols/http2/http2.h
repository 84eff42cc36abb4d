// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to HTTP and HTTP/2: a connection HTTP upgraded to h2c (RFC 7540 §3.2) is HTTP/2
// from the bytes after the 101 response on, HTTP handing each segment over (http:http2).
#pragma once

#include "dissect/protocols/context.h"

#include <string_view>

namespace rcvmon::http2 {

// True when the connection was upgraded: the segment was dissected as HTTP/2 frames.
bool dissectUpgraded(DissectContext& ctx, const Payload& p);
// After HTTP dissected a message whose head is `head` (headerEnd bytes of `p`): a 101 response
// with "Upgrade: h2c" upgrades the connection, and what follows it is HTTP/2.
void noteHttpMessage(DissectContext& ctx, const Payload& p, std::string_view head, std::size_t headerEnd);

}  // namespace rcvmon::http2
