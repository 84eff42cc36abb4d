// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace rcvmon {

// One datagram as WSARecvMsg delivered it, plus what its control messages said.
// data points into the receiver's buffer and stays valid until the next next() call.
struct ReceivedDatagram {
    std::size_t socketIndex = 0;   // order of add()
    std::uint8_t* data = nullptr;  // headroom bytes before it are free for a rebuilt header
    std::size_t length = 0;
    bool truncated = false;        // larger than the buffer (MSG_TRUNC / WSAEMSGSIZE)
    sockaddr_storage from{};       // source address
    bool hasDestination = false;   // IP_PKTINFO / IPV6_PKTINFO arrived
    std::array<std::uint8_t, 16> destination{};  // 4 or 16 bytes used, per from.ss_family
    std::uint32_t interfaceIndex = 0;
    int hopLimit = -1;             // IPV6_HOPLIMIT, -1 when not reported
    int trafficClass = -1;         // IPV6_TCLASS, -1 when not reported
};

// Keeps one overlapped WSARecvMsg posted on each of a few sockets and waits for them together
// with a stop event (WSAWaitForMultipleEvents), so a capture thread never sits in a blocking
// recv that only closing the socket could break: wakeup() ends a wait at once, from any thread.
// It does not own the sockets, but must be clear()ed (or destroyed) before they are closed.
class OverlappedReceiver {
public:
    enum class Result : std::uint8_t { Datagram, Timeout, Woken, Error };

    OverlappedReceiver(std::size_t bufferBytes, std::size_t headroom);
    ~OverlappedReceiver();
    OverlappedReceiver(const OverlappedReceiver&) = delete;
    OverlappedReceiver& operator=(const OverlappedReceiver&) = delete;

    // 0 when the stop event exists, else the GetLastError() of creating it.
    int initError() const { return m_initError; }
    // Starts receiving on s. Returns 0, or the Winsock error of finding WSARecvMsg or the event.
    int add(SOCKET s);
    // Cancels every pending receive, waits until Windows let go of the buffers, forgets sockets.
    void clear();
    std::size_t socketCount() const { return m_slots.size(); }

    // Waits at most timeoutMs (0 = just look) for one datagram. Error leaves the Winsock code
    // in wsaError and the socket index in failedSocket; the socket is not read again until clear().
    Result next(int timeoutMs, ReceivedDatagram& out, int& wsaError, std::size_t& failedSocket);
    void wakeup();

private:
    struct Slot;
    int post(Slot& slot);
    void finish(Slot& slot, DWORD bytes, bool truncated, ReceivedDatagram& out);

    std::size_t m_bufferBytes;
    std::size_t m_headroom;
    HANDLE m_stopEvent = nullptr;
    int m_initError = 0;
    std::vector<std::unique_ptr<Slot>> m_slots;
    std::size_t m_rotate = 0;  // where the next wait starts looking, so no socket starves
};

}  // namespace rcvmon
