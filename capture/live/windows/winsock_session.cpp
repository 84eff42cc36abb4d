// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/winsock_session.h"

#include <winsock2.h>

namespace rcvmon {

WinsockSession::WinsockSession()
{
    WSADATA data{};
    m_error = WSAStartup(MAKEWORD(2, 2), &data);
}

WinsockSession::~WinsockSession()
{
    if (m_error == 0) WSACleanup();
}

}  // namespace rcvmon
