// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace rcvmon {

// The Winsock name of an error code ("WSAEACCES"), or empty when it is not one we know.
std::string_view wsaErrorName(int wsaError);

// One sentence a user understands for a Winsock error met while doing `step` (for example
// "creating the IPv4 raw socket (AF_INET, SOCK_RAW, IPPROTO_IP) for Ethernet"): what went
// wrong, what to do about it, then the step and the code for a bug report. Covers every code
// the SIO_RCVALL seed lists plus the ones socket creation and bind give (WSAEACCES when not
// Administrator, WSAEPROTONOSUPPORT where raw sockets do not exist, as under wine).
std::string describeRcvallError(int wsaError, std::string_view step);

}  // namespace rcvmon
