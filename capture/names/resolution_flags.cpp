// SPDX-License-Identifier: GPL-2.0-or-later
#include "names/resolution_flags.h"

namespace rcvmon::names {

std::optional<ResolutionFlags> parseResolutionFlags(std::string_view letters, std::string& error)
{
    ResolutionFlags flags;
    for (const char c : letters) {
        switch (c) {
        case 'm': flags.mac = true; break;
        case 'n': flags.network = true; break;
        case 't': flags.transport = true; break;
        case 'd': flags.capturedDns = true; break;
        case 'N': flags.external = true; break;  // only with n, as in Wireshark
        case 'v': case 's': case 'g': break;
        default:
            error = std::string("-N takes letters of m (MAC), n (network), t (transport), d (captured DNS), "
                                "N (external resolver); '") + c + "' is not one";
            return std::nullopt;
        }
    }
    return flags;
}

std::string resolutionLetters(const ResolutionFlags& flags)
{
    std::string letters;
    if (flags.mac) letters += 'm';
    if (flags.network) letters += 'n';
    if (flags.transport) letters += 't';
    if (flags.capturedDns) letters += 'd';
    if (flags.external) letters += 'N';
    return letters;
}

}  // namespace rcvmon::names
