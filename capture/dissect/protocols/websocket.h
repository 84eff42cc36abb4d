// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to HTTP and WebSocket: a connection HTTP upgraded to WebSocket (RFC 6455 §4) is
// WebSocket from the bytes after the 101 response on, as Wireshark's HTTP hands it over.
#pragma once

#include "dissect/protocols/context.h"

#include <string_view>

namespace rcvmon::websocket {

// True when the connection was upgraded: the segment was dissected as WebSocket frames.
bool dissectUpgraded(DissectContext& ctx, const Payload& p);
// After HTTP dissected a message whose head is `head` (headerEnd bytes of `p`): a 101 response
// with "Upgrade: websocket" upgrades the connection, and what follows it is WebSocket.
void noteHttpMessage(DissectContext& ctx, const Payload& p, std::string_view head, std::size_t headerEnd);

}  // namespace rcvmon::websocket
