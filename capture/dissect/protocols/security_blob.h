// SPDX-License-Identifier: GPL-2.0-or-later
// The authentication tokens SMB, SMB2, DCE/RPC and LDAP carry: GSS-API (RFC 2743 §3.1),
// SPNEGO (RFC 4178) and NTLMSSP (MS-NLMP §2.2). Each adds its layer; NTLMSSP appends its
// message type (and an AUTHENTICATE's user) to Info after ", ", as Wireshark does.
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// A security blob: NTLMSSP, a GSS-API initial token or a bare SPNEGO NegTokenResp.
// `viaGssapi`: the carrier hands every blob to GSS-API (LDAP's SASL credentials), whose layer
// then stands before a bare NTLMSSP message too.
void dissectSecurityBlob(DissectContext& ctx, const Payload& p, bool viaGssapi = false);
// An NTLMSSP message ("NTLMSSP\0" signature); false when the bytes are not one.
bool dissectNtlmssp(DissectContext& ctx, const Payload& p);

}  // namespace rcvmon
