// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/capture_source.h"
#include "live/windows/overlapped_receiver.h"
#include "live/windows/rcvall_frame.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace rcvmon {

// The receive half of SIO_RCVALL capture: waits on its sockets (overlapped, with a stop event)
// and hands each datagram to a sink as a LINKTYPE_RAW frame, IPv6 headers rebuilt. It does not
// care how the sockets were made, so tests drive it with UDP sockets on loopback where raw
// sockets are not allowed (wine).
class RcvallPump {
public:
    RcvallPump(OwnAddresses own, std::size_t receiveBufferBytes);

    int initError() const { return m_receiver.initError(); }
    // Starts receiving on s (AF_INET or AF_INET6). 0, or the Winsock error.
    int add(SOCKET s, int family);
    // Cancels pending receives; call before closing the sockets.
    void clear();

    struct Outcome {
        PollResult result = PollResult::Frames;
        int wsaError = 0;   // when result is Error
        int family = 0;     // of the socket that failed; 0 when the wait itself did
    };
    // Waits at most timeoutMs for the first datagram, then delivers what is already there, at
    // most maxFrames in all. Never allocates.
    Outcome pump(FrameSink& sink, int timeoutMs, int maxFrames);
    void wakeup() { m_receiver.wakeup(); }
    std::uint64_t received() const { return m_received.load(std::memory_order_relaxed); }

private:
    OwnAddresses m_own;
    OverlappedReceiver m_receiver;
    std::vector<int> m_families;  // per socket, in add() order
    std::atomic<std::uint64_t> m_received{0};
};

}  // namespace rcvmon
