// SPDX-License-Identifier: GPL-2.0-or-later
// EAP (RFC 3748 §4) inside an EAPOL packet: code, identifier, length and, for requests and
// responses, the type. Wireshark shows it as a tree item that frame.protocols does not name.
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectEap(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "EAP", "eap", p.data, p.at, p.reported);
    c.unlisted();
    const std::uint8_t code = c.u8(field::EapCode);
    c.u8(field::EapId);
    const std::uint16_t length = c.u16(field::EapLen);
    if (!c.ok()) return;
    if (length < 4) {
        c.malformed();
        return;
    }
    constexpr std::uint8_t Request = 1, Response = 2;
    if ((code == Request || code == Response) && length > 4) c.u8(field::EapType);
}

}  // namespace rcvmon
