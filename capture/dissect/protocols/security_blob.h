// SPDX-License-Identifier: GPL-2.0-or-later
// The authentication tokens SMB, SMB2, DCE/RPC and LDAP carry: GSS-API (RFC 2743 §3.1),
// SPNEGO (RFC 4178) and NTLMSSP (MS-NLMP §2.2). Each adds its layer; NTLMSSP appends its
// message type (and an AUTHENTICATE's user) to Info after ", ", as Wireshark does.
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// Who the carrier hands a blob to, which decides the layers Wireshark lists: GSS-API (SMB,
// SMB2, LDAP's SASL credentials), whose layer stands before whatever is inside, or SPNEGO
// directly (DCE/RPC's auth type 9, LDAP's server credentials), which reads a GSS-API
// wrapper itself.
// SMB and SMB2 hand a bare NTLMSSP message to NTLMSSP itself, anything else to GSS-API.
enum class BlobCarrier : std::uint8_t { Gssapi, Smb, Spnego };

// A security blob: NTLMSSP, a GSS-API initial token or a bare SPNEGO NegTokenInit/Resp.
void dissectSecurityBlob(DissectContext& ctx, const Payload& p, BlobCarrier carrier);
// An NTLMSSP message ("NTLMSSP\0" signature); false when the bytes are not one. `listed`:
// false when the carrier calls NTLMSSP directly (DCE/RPC), leaving it out of the frame's
// protocols.
bool dissectNtlmssp(DissectContext& ctx, const Payload& p, bool listed = true);

}  // namespace rcvmon
