// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/rcvall_pump.h"

namespace rcvmon {
namespace {

Timestamp now()
{
    FILETIME ft;
    GetSystemTimePreciseAsFileTime(&ft);
    // 100 ns ticks since 1601-01-01; the Unix epoch is 11644473600 s later. SIO_RCVALL gives no
    // packet time, so the moment the receive completed stands in for it.
    const std::uint64_t ticks = std::uint64_t{ft.dwHighDateTime} << 32 | ft.dwLowDateTime;
    const std::uint64_t unixTicks = ticks - 116444736000000000ULL;
    return Timestamp{static_cast<std::int64_t>(unixTicks / 10'000'000),
                     static_cast<std::uint32_t>(unixTicks % 10'000'000 * 100)};
}

}  // namespace

RcvallPump::RcvallPump(OwnAddresses own, std::size_t receiveBufferBytes)
    : m_own(std::move(own)), m_receiver(receiveBufferBytes, kRcvallHeadroom)
{
}

int RcvallPump::add(SOCKET s, int family)
{
    const int error = m_receiver.add(s);
    if (error == 0) m_families.push_back(family);
    return error;
}

void RcvallPump::clear()
{
    m_receiver.clear();
    m_families.clear();
}

RcvallPump::Outcome RcvallPump::pump(FrameSink& sink, int timeoutMs, int maxFrames)
{
    ReceivedDatagram datagram;
    Outcome outcome;
    std::size_t failedSocket = 0;
    int wait = timeoutMs;
    for (int delivered = 0; delivered < maxFrames; ++delivered) {
        const auto result = m_receiver.next(wait, datagram, outcome.wsaError, failedSocket);
        if (result == OverlappedReceiver::Result::Datagram) {
            const int family = m_families[datagram.socketIndex];
            sink.onFrame(makeRcvallFrame(datagram, family, m_own, now()));
            m_received.fetch_add(1, std::memory_order_relaxed);
            wait = 0;  // drain what is already there, then return
            continue;
        }
        if (result == OverlappedReceiver::Result::Error) {
            outcome.result = PollResult::Error;
            outcome.family = failedSocket < m_families.size() ? m_families[failedSocket] : 0;
        }
        break;  // Timeout, Woken or Error
    }
    return outcome;
}

}  // namespace rcvmon
