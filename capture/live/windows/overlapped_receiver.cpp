// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/overlapped_receiver.h"

#include <algorithm>
#include <cstring>

namespace rcvmon {

struct OverlappedReceiver::Slot {
    SOCKET socket = INVALID_SOCKET;
    LPFN_WSARECVMSG recvMsg = nullptr;
    WSAOVERLAPPED overlapped{};
    WSAMSG message{};
    WSABUF dataBuffer{};
    sockaddr_storage from{};
    // Room for IP(V6)_PKTINFO, hop limit and traffic class with their headers.
    alignas(8) std::array<char, 256> control{};
    std::vector<std::uint8_t> buffer;
    bool pending = false;
    bool failed = false;
};

OverlappedReceiver::OverlappedReceiver(std::size_t bufferBytes, std::size_t headroom)
    : m_bufferBytes(bufferBytes), m_headroom(headroom)
{
    m_stopEvent = WSACreateEvent();  // manual reset: next() resets it when it reports Woken
    if (m_stopEvent == WSA_INVALID_EVENT) {
        m_stopEvent = nullptr;
        m_initError = WSAGetLastError();
    }
}

OverlappedReceiver::~OverlappedReceiver()
{
    clear();
    if (m_stopEvent) WSACloseEvent(m_stopEvent);
}

int OverlappedReceiver::add(SOCKET s)
{
    auto slot = std::make_unique<Slot>();
    slot->socket = s;
    GUID guid = WSAID_WSARECVMSG;
    DWORD returned = 0;
    if (WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof(guid), &slot->recvMsg,
                 sizeof(slot->recvMsg), &returned, nullptr, nullptr) == SOCKET_ERROR) {
        return WSAGetLastError();
    }
    slot->overlapped.hEvent = WSACreateEvent();
    if (slot->overlapped.hEvent == WSA_INVALID_EVENT) return WSAGetLastError();
    // Allocated once: the capture loop itself never allocates.
    slot->buffer.resize(m_headroom + m_bufferBytes);
    m_slots.push_back(std::move(slot));
    return 0;
}

void OverlappedReceiver::clear()
{
    for (auto& slot : m_slots) {
        if (slot->pending) {
            // Windows writes into the buffer until the cancellation completes: wait for it.
            CancelIoEx(reinterpret_cast<HANDLE>(slot->socket), &slot->overlapped);
            if (WaitForSingleObject(slot->overlapped.hEvent, 5000) != WAIT_OBJECT_0) {
                // A layered provider that ignores cancellation: the receive may still land in
                // this buffer until the socket closes, so it must outlive us. Leak it knowingly.
                static_cast<void>(slot.release());
                continue;
            }
            DWORD bytes = 0;
            DWORD flags = 0;
            WSAGetOverlappedResult(slot->socket, &slot->overlapped, &bytes, FALSE, &flags);
            slot->pending = false;
        }
        WSACloseEvent(slot->overlapped.hEvent);
    }
    m_slots.clear();
    m_rotate = 0;
}

int OverlappedReceiver::post(Slot& slot)
{
    WSAResetEvent(slot.overlapped.hEvent);
    slot.dataBuffer.buf = reinterpret_cast<char*>(slot.buffer.data() + m_headroom);
    slot.dataBuffer.len = static_cast<ULONG>(m_bufferBytes);
    slot.message = WSAMSG{};
    slot.message.name = reinterpret_cast<LPSOCKADDR>(&slot.from);
    slot.message.namelen = sizeof(slot.from);
    slot.message.lpBuffers = &slot.dataBuffer;
    slot.message.dwBufferCount = 1;
    slot.message.Control.buf = slot.control.data();
    slot.message.Control.len = static_cast<ULONG>(slot.control.size());
    // A result of 0 (done at once) still signals the event, so both paths meet in next().
    if (slot.recvMsg(slot.socket, &slot.message, nullptr, &slot.overlapped, nullptr) == SOCKET_ERROR) {
        const int error = WSAGetLastError();
        // A datagram already waiting and too long for the buffer completes at once with
        // WSAEMSGSIZE; its completion carries the byte count. Signal the event in case the
        // provider does not, so next() collects it like any other completion.
        if (error == WSAEMSGSIZE) {
            WSASetEvent(slot.overlapped.hEvent);
        } else if (error != WSA_IO_PENDING) {
            return error;
        }
    }
    slot.pending = true;
    return 0;
}

void OverlappedReceiver::finish(Slot& slot, DWORD bytes, bool truncated, ReceivedDatagram& out)
{
    out = ReceivedDatagram{};
    out.data = slot.buffer.data() + m_headroom;
    out.length = bytes;
    out.truncated = truncated;
    std::memcpy(&out.from, &slot.from, sizeof(out.from));
    for (WSACMSGHDR* cmsg = WSA_CMSG_FIRSTHDR(&slot.message); cmsg;
         cmsg = WSA_CMSG_NXTHDR(&slot.message, cmsg)) {
        const unsigned char* data = WSA_CMSG_DATA(cmsg);
        if (cmsg->cmsg_level == IPPROTO_IP && cmsg->cmsg_type == IP_PKTINFO) {
            IN_PKTINFO info;
            std::memcpy(&info, data, sizeof(info));
            std::memcpy(out.destination.data(), &info.ipi_addr, 4);
            out.interfaceIndex = info.ipi_ifindex;
            out.hasDestination = true;
        } else if (cmsg->cmsg_level == IPPROTO_IPV6 && cmsg->cmsg_type == IPV6_PKTINFO) {
            IN6_PKTINFO info;
            std::memcpy(&info, data, sizeof(info));
            std::memcpy(out.destination.data(), &info.ipi6_addr, 16);
            out.interfaceIndex = info.ipi6_ifindex;
            out.hasDestination = true;
        } else if (cmsg->cmsg_level == IPPROTO_IPV6 && cmsg->cmsg_type == IPV6_HOPLIMIT) {
            INT value = 0;
            std::memcpy(&value, data, sizeof(value));
            out.hopLimit = value;
        } else if (cmsg->cmsg_level == IPPROTO_IPV6 && cmsg->cmsg_type == IPV6_TCLASS) {
            INT value = 0;
            std::memcpy(&value, data, sizeof(value));
            out.trafficClass = value;
        }
    }
}

OverlappedReceiver::Result OverlappedReceiver::next(int timeoutMs, ReceivedDatagram& out,
                                                    int& wsaError, std::size_t& failedSocket)
{
    std::array<WSAEVENT, WSA_MAXIMUM_WAIT_EVENTS> events{};
    std::array<std::size_t, WSA_MAXIMUM_WAIT_EVENTS> slotOf{};
    DWORD count = 0;
    events[count++] = m_stopEvent;
    const std::size_t n = m_slots.size();
    for (std::size_t k = 0; k < n && count < events.size(); ++k) {
        const std::size_t i = (m_rotate + k) % n;
        Slot& slot = *m_slots[i];
        if (slot.failed) continue;
        if (!slot.pending) {
            if (const int error = post(slot); error != 0) {
                slot.failed = true;
                wsaError = error;
                failedSocket = i;
                return Result::Error;
            }
        }
        slotOf[count] = i;
        events[count++] = slot.overlapped.hEvent;
    }
    const DWORD wait = WSAWaitForMultipleEvents(count, events.data(), FALSE,
                                                static_cast<DWORD>(std::max(timeoutMs, 0)), FALSE);
    if (wait == WSA_WAIT_TIMEOUT) return Result::Timeout;
    if (wait == WSA_WAIT_FAILED || wait >= WSA_WAIT_EVENT_0 + count) {
        wsaError = WSAGetLastError();
        failedSocket = n;
        return Result::Error;
    }
    const DWORD signaled = wait - WSA_WAIT_EVENT_0;
    if (signaled == 0) {
        WSAResetEvent(m_stopEvent);
        return Result::Woken;
    }
    const std::size_t i = slotOf[signaled];
    Slot& slot = *m_slots[i];
    m_rotate = i + 1;
    DWORD bytes = 0;
    DWORD flags = 0;
    const BOOL ok = WSAGetOverlappedResult(slot.socket, &slot.overlapped, &bytes, FALSE, &flags);
    slot.pending = false;
    if (!ok) {
        const int error = WSAGetLastError();
        if (error == WSAEMSGSIZE) {
            finish(slot, bytes, true, out);
            out.socketIndex = i;
            return Result::Datagram;
        }
        // ICMP errors about earlier sends surface here on datagram sockets: not ours to stop for.
        if (error == WSAECONNRESET || error == WSAENETRESET) return Result::Timeout;
        slot.failed = true;
        wsaError = error;
        failedSocket = i;
        return Result::Error;
    }
    finish(slot, bytes, (flags & MSG_TRUNC) != 0, out);
    out.socketIndex = i;
    return Result::Datagram;
}

void OverlappedReceiver::wakeup()
{
    if (m_stopEvent) WSASetEvent(m_stopEvent);
}

}  // namespace rcvmon
