// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace rcvmon {

// Keeps Windows Sockets started for as long as it lives. WSAStartup counts its callers, so
// every owner of sockets holds one of these and nobody needs a global init.
class WinsockSession {
public:
    WinsockSession();
    ~WinsockSession();
    WinsockSession(const WinsockSession&) = delete;
    WinsockSession& operator=(const WinsockSession&) = delete;

    // 0 when started, else the WSAStartup error code.
    int error() const { return m_error; }

private:
    int m_error = 0;
};

}  // namespace rcvmon
