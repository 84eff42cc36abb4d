// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/capture_source.h"

#include <linux/filter.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace rcvmon {

// Live capture on Linux: an AF_PACKET socket bound to one interface, with a TPACKET_V3
// memory-mapped receive ring, mapping the seed's RCVALL modes as DESIGN.md says.
//
// - On: PACKET_MR_PROMISC membership. It belongs to the socket, so the kernel drops it when
//   the socket closes, even when the process is killed: the NIC never stays promiscuous.
// - IpLevel: no membership; frames of type PACKET_OTHERHOST are discarded, so only what the
//   NIC itself accepts is delivered (another program may have made the NIC promiscuous).
// - Off: membership dropped and a reject-all kernel filter, so nothing is copied.
// A switch is Off on the old mode, then On on the new one, on the same socket: the ring,
// the binding and the frames already queued stay, and no second socket ever holds a
// membership the first one should have given up.
//
// IPv4 and IPv6 only unless allProtocols (kernel BPF, see capture_filter.h); outgoing frames
// are delivered as Direction::Outgoing; a VLAN tag the kernel took out of the frame is put
// back, as libpcap does, so the bytes are what was on the wire.
class AfPacketSource final : public CaptureSource {
public:
    struct Options {
        std::string interfaceName;
        CaptureMode mode = CaptureMode::On;
        bool allProtocols = false;   // false: IPv4 + IPv6 (VLAN-tagged too), as the seed
        std::string filter;          // libpcap capture filter; empty = none
        // 64 blocks of 1 MiB: the 64 MiB tcpdump -B 65536 uses, which kept up with a
        // 330 kframe/s veth flood here without drops; small blocks hand frames back to the
        // kernel early and keep a slow trickle from sitting in a half-filled block.
        std::uint32_t blockSize = 1u << 20;
        std::uint32_t blockCount = 64;
        std::uint32_t frameSize = 2048;       // TPACKET_V3 packs frames; only a sizing hint
        std::uint32_t blockTimeoutMs = 50;    // a partly filled block is handed over after this
        std::uint32_t snapLength = 262144;
    };

    // Opens, binds and starts capturing; on failure returns null and a message a user
    // understands (unknown or down interface, bad filter, missing privilege).
    static std::unique_ptr<AfPacketSource> open(const Options& options, std::string& error);
    ~AfPacketSource() override;

    AfPacketSource(const AfPacketSource&) = delete;
    AfPacketSource& operator=(const AfPacketSource&) = delete;

    PollResult poll(FrameSink& sink, int timeoutMs) override;
    void wakeup() override;  // async-signal-safe (one write to an eventfd)

    CaptureStats stats() const override;
    const std::string& error() const override { return m_error; }
    std::uint32_t linkType() const override;
    const std::string& name() const override { return m_options.interfaceName; }

    CaptureMode mode() const override { return m_mode.load(); }
    // Thread-safe: only socket options change, the ring stays, poll() may run meanwhile.
    // After a switch to Off the next poll() waits (at most blockTimeoutMs) for the kernel to
    // hand over the block it was filling, even with timeout 0, so a last drain before
    // closing the source collects every frame captured before Off.
    bool setMode(CaptureMode mode, std::string& error) override;

    std::uint32_t interfaceIndex() const { return m_interfaceIndex; }

private:
    explicit AfPacketSource(const Options& options);
    bool start(std::string& error);
    bool setPromiscuous(bool on, std::string& error);
    bool attachFilter(const std::vector<sock_filter>& program, std::string& error);
    std::size_t deliverReadyBlocks(FrameSink& sink);
    bool kernelBlockHoldsFrames() const;
    void deliverBlock(FrameSink& sink, std::uint8_t* block, bool lend);
    void handBack(std::uint32_t block);
    void handBackReturnedBlocks(FrameSink& sink);
    std::string vanishedMessage(int socketError) const;

    Options m_options;
    int m_socket = -1;
    int m_wakeFd = -1;
    std::uint32_t m_interfaceIndex = 0;
    bool m_loopback = false;  // lo: outgoing copies are duplicates of the incoming ones
    std::uint8_t* m_ring = nullptr;
    std::size_t m_ringSize = 0;
    std::uint32_t m_nextBlock = 0;
    // Blocks whose frames were lent to the sink, oldest first (a ring of blockCount slots,
    // sized at start): each goes back to the kernel once the sink says its mark returned.
    struct LentBlock {
        std::uint32_t block;
        std::uint64_t mark;
    };
    std::vector<LentBlock> m_lent;
    std::uint32_t m_lentFirst = 0;
    std::uint32_t m_lentCount = 0;
    std::vector<sock_filter> m_program;        // the filter in force for On / IpLevel
    std::vector<std::uint8_t> m_vlanScratch;   // a frame with its tag put back; no per-frame allocation

    std::atomic<CaptureMode> m_mode{CaptureMode::Off};
    std::atomic<bool> m_promiscuous{false};
    std::atomic<bool> m_offDrainPending{false};
    // OTHERHOST frames stamped before this (ns since the epoch) were captured while On and
    // are kept after a switch to IpLevel: the switch never takes back what On saw.
    std::atomic<std::int64_t> m_keepOtherHostBeforeNs{0};
    std::mutex m_modeMutex;

    std::atomic<std::uint64_t> m_received{0};
    mutable std::mutex m_statsMutex;
    mutable std::uint64_t m_kernelDrops = 0;  // PACKET_STATISTICS resets on read: accumulated
    std::string m_error;
};

}  // namespace rcvmon
