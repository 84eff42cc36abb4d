// SPDX-License-Identifier: GPL-2.0-or-later
// OCSP (RFC 6960) carried by HTTP (appendix A): http.cpp gives an application/ocsp-request or
// -response body its "ocsp" layer and Wireshark's column and Info; this registration makes
// the name known to filters and statistics. The DER inside is not dissected.
#include "dissect/protocols/context.h"

namespace rcvmon {

void registerOcsp(ProtocolRegistrar& r)
{
    r.protocol("ocsp");
}

}  // namespace rcvmon
