// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rcvmon::names {

// What is resolved, as Wireshark's name resolution preferences and tshark's -N letters.
struct ResolutionFlags {
    bool mac = false;          // m: MAC vendors and well-known addresses
    bool network = false;      // n: host names for IP addresses
    bool transport = false;    // t: TCP/UDP/SCTP port names
    bool capturedDns = false;  // d: host names from DNS answers in the capture (with n)
    bool external = false;     // N: the system resolver, asynchronously (with n)

    bool any() const { return mac || network || transport; }
    bool operator==(const ResolutionFlags&) const = default;
};

// tshark's -N argument ("mndtN"); letters tshark knows but RcvMon does not resolve (v: VLAN,
// s: SS7, g: GeoIP) are accepted and ignored. Nothing and `error` set for any other letter.
std::optional<ResolutionFlags> parseResolutionFlags(std::string_view letters, std::string& error);
// The letters that give `flags` back ("" when nothing is resolved).
std::string resolutionLetters(const ResolutionFlags& flags);

}  // namespace rcvmon::names
