// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/capture_source.h"
#include "live/windows/rcvall_pump.h"
#include "live/windows/windows_interfaces.h"
#include "live/windows/winsock_session.h"

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {

struct RcvallOptions {
    int socketBufferBytes = 8 * 1024 * 1024;  // SO_RCVBUF: rides out bursts while RcvMon is busy
    // Per receive: any IP datagram (64 KiB) and the larger super-frames that receive offload
    // (RSC) hands up in one piece.
    std::size_t receiveBufferBytes = 256 * 1024;
    int maxFramesPerPoll = 256;  // hand control back to the capture loop at least this often
};

// Live capture on one Windows interface with SIO_RCVALL, exactly as the seed describes: an
// AF_INET/SOCK_RAW/IPPROTO_IP socket bound to the interface's IPv4 address and an
// AF_INET6/SOCK_RAW/IPPROTO_IPV6 socket bound to its IPv6 address (never INADDR_ANY or
// in6addr_any; an interface without one of them simply has no socket of that family), each with
// WSAIoctl(SIO_RCVALL, RCVALL_ON or RCVALL_IPLEVEL). Frames are LINKTYPE_RAW (101); IPv6 ones get
// their missing header rebuilt (see makeRcvallFrame). Needs Administrator rights.
//
// Windows tells neither direction nor packet time: a frame is Outgoing when its source is one
// of the interface's own addresses, Incoming when its destination is, else Unknown; its time
// is when the receive completed. Kernel drops are not reported either (stats()).
//
// Switching interface is never one call (seed): setMode(Off) or destroy this source, then open
// a new one on the other interface. start(), stop() and setMode() belong to the thread that
// polls (or to no thread polling); wakeup(), stats() and mode() are safe from any thread.
class RcvallSource final : public CaptureSource {
public:
    // Finds the interface by friendly name, adapter GUID or index and starts capturing on it
    // in mode, like AfPacketSource::open; on failure returns null and a message a user
    // understands (unknown interface, not Administrator, no raw sockets, ...).
    static std::unique_ptr<RcvallSource> open(std::string_view interfaceName, CaptureMode mode,
                                              std::string& error, RcvallOptions options = {});

    explicit RcvallSource(WindowsNetworkInterface iface, RcvallOptions options = {});
    ~RcvallSource() override;  // RCVALL_OFF, then the sockets close
    RcvallSource(const RcvallSource&) = delete;
    RcvallSource& operator=(const RcvallSource&) = delete;

    // Opens the sockets and turns SIO_RCVALL on in mode (On or IpLevel). On failure nothing stays
    // open, error() says why in words a user understands and poll() returns Error.
    bool start(CaptureMode mode);
    // RCVALL_OFF on every socket, pending receives cancelled, sockets closed; mode() is Off.
    void stop();

    PollResult poll(FrameSink& sink, int timeoutMs) override;
    void wakeup() override;
    // received is counted here. SIO_RCVALL reports no kernel drops: droppedKernel stays 0
    // (kReportsKernelDrops says so to whoever prints a summary).
    CaptureStats stats() const override;
    static constexpr bool kReportsKernelDrops = false;
    const std::string& error() const override { return m_error; }
    std::uint32_t linkType() const override;
    const std::string& name() const override { return m_iface.name; }
    CaptureMode mode() const override { return m_mode.load(std::memory_order_relaxed); }
    // On <-> IpLevel: RCVALL_OFF, then the new value on the same sockets. Off: stop().
    // Off -> On/IpLevel: start().
    bool setMode(CaptureMode mode, std::string& error) override;

    // The Winsock error and step of the last failure: error() == describeRcvallError(both).
    int lastWsaError() const { return m_lastWsaError; }
    const std::string& failedStep() const { return m_failedStep; }
    // The receive buffer size Windows actually granted per socket (after SO_RCVBUF).
    int socketBufferBytes() const { return m_grantedBufferBytes; }
    const WindowsNetworkInterface& interfaceInfo() const { return m_iface; }

private:
    struct Socket {
        SOCKET handle;
        int family;
    };
    bool openFamily(int family, const std::string& address);
    bool setRcvall(Socket& socket, unsigned long value, std::string_view valueName);
    bool fail(int wsaError, std::string step);
    void closeSockets(bool turnOff);

    WindowsNetworkInterface m_iface;
    RcvallOptions m_options;
    WinsockSession m_winsock;
    RcvallPump m_pump;
    std::vector<Socket> m_sockets;
    std::atomic<CaptureMode> m_mode{CaptureMode::Off};
    std::string m_error;
    std::string m_failedStep;
    int m_lastWsaError = 0;
    int m_grantedBufferBytes = 0;
};

}  // namespace rcvmon
