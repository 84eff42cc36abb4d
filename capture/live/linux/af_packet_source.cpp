// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/linux/af_packet_source.h"

#include "core/link_type.h"
#include "live/linux/capture_filter.h"
#include "live/linux/capture_privilege.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>

#include <arpa/inet.h>
#include <net/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rcvmon {
namespace {

constexpr std::uint16_t EtherTypeVlan = 0x8100;
constexpr std::uint32_t MacHeaderBytes = 12;  // destination + source, where a tag goes
constexpr std::uint32_t VlanTagBytes = 4;
// Room a TPACKET_V3 frame needs besides its data: the block header, the frame header
// and its sockaddr_ll, alignment.
constexpr std::uint32_t RingOverheadBytes = 256;

std::string systemError(int code)
{
    return std::strerror(code);
}

bool isPrivilegeError(int code)
{
    return code == EPERM || code == EACCES;
}

std::int64_t realtimeNanoseconds()
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

Direction directionOf(std::uint8_t packetType)
{
    switch (packetType) {
    case PACKET_OUTGOING: return Direction::Outgoing;
    case PACKET_OTHERHOST: return Direction::OtherHost;
    default: return Direction::Incoming;  // host, broadcast, multicast, loopback
    }
}

bool validateOptions(const AfPacketSource::Options& options, std::string& error)
{
    const auto& name = options.interfaceName;
    if (name.empty()) {
        error = "no interface given for live capture (rcvmon-cli -D lists the interfaces)";
        return false;
    }
    if (name == "any") {
        error = "live capture binds to one explicit interface, never \"any\" (rcvmon-cli -D lists the interfaces)";
        return false;
    }
    if (name.size() >= IFNAMSIZ) {
        error = "no interface named \"" + name + "\" (names are at most " + std::to_string(IFNAMSIZ - 1) +
                " characters; rcvmon-cli -D lists the interfaces)";
        return false;
    }
    const auto pageSize = static_cast<std::uint32_t>(sysconf(_SC_PAGESIZE));
    if (options.blockSize == 0 || options.blockSize % pageSize != 0 || options.blockCount == 0) {
        error = "capture ring: the block size must be a multiple of " + std::to_string(pageSize) +
                " bytes and there must be at least one block";
        return false;
    }
    if (options.frameSize < TPACKET3_HDRLEN || options.frameSize % TPACKET_ALIGNMENT != 0 ||
        options.blockSize % options.frameSize != 0) {
        error = "capture ring: the frame size must be a multiple of " + std::to_string(TPACKET_ALIGNMENT) +
                " that divides the block size";
        return false;
    }
    if (options.snapLength == 0 || options.snapLength > options.blockSize - RingOverheadBytes) {
        error = "snap length " + std::to_string(options.snapLength) + " does not fit a capture ring block of " +
                std::to_string(options.blockSize) + " bytes";
        return false;
    }
    return true;
}

}  // namespace

std::unique_ptr<AfPacketSource> AfPacketSource::open(const Options& options, std::string& error)
{
    if (!validateOptions(options, error)) return nullptr;
    std::unique_ptr<AfPacketSource> source(new AfPacketSource(options));
    if (!source->start(error)) return nullptr;
    error.clear();
    return source;
}

AfPacketSource::AfPacketSource(const Options& options) : m_options(options) {}

AfPacketSource::~AfPacketSource()
{
    // Closing the socket drops the PROMISC membership anyway; saying so is cheap and explicit.
    if (m_promiscuous.load()) {
        std::string ignored;
        setPromiscuous(false, ignored);
    }
    if (m_ring != nullptr) munmap(m_ring, m_ringSize);
    if (m_socket >= 0) close(m_socket);
    if (m_wakeFd >= 0) close(m_wakeFd);
}

bool AfPacketSource::start(std::string& error)
{
    const std::string& name = m_options.interfaceName;
    if (!buildCaptureFilter(m_options.filter, m_options.allProtocols, m_options.snapLength, m_program, error))
        return false;

    // Protocol 0: the socket receives nothing until bind(), after the ring and filter exist.
    m_socket = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
    if (m_socket < 0) {
        const int code = errno;
        error = isPrivilegeError(code) ? missingPrivilegeMessage(name, "open a packet socket")
                                       : "cannot open a packet socket for " + name + ": " + systemError(code);
        return false;
    }

    // ioctls on the socket answer for the socket's own network namespace.
    ifreq request{};
    std::memcpy(request.ifr_name, name.c_str(), name.size() + 1);
    if (ioctl(m_socket, SIOCGIFINDEX, &request) != 0) {
        const int code = errno;
        error = code == ENODEV ? "no such interface \"" + name + "\" (rcvmon-cli -D lists the interfaces)"
                               : "cannot look up interface " + name + ": " + systemError(code);
        return false;
    }
    m_interfaceIndex = static_cast<std::uint32_t>(request.ifr_ifindex);
    const bool haveHardware = ioctl(m_socket, SIOCGIFHWADDR, &request) == 0;
    m_loopback = haveHardware && request.ifr_hwaddr.sa_family == ARPHRD_LOOPBACK;
    if (haveHardware && request.ifr_hwaddr.sa_family != ARPHRD_ETHER && !m_loopback) {
        error = "interface " + name + " is not an Ethernet interface (ARPHRD " +
                std::to_string(request.ifr_hwaddr.sa_family) + "); RcvMon captures Ethernet and loopback interfaces";
        return false;
    }
    if (ioctl(m_socket, SIOCGIFFLAGS, &request) != 0) {
        error = "cannot read the state of interface " + name + ": " + systemError(errno);
        return false;
    }
    if ((request.ifr_flags & IFF_UP) == 0) {
        error = "interface " + name + " is down; bring it up (ip link set " + name + " up) and try again";
        return false;
    }

    const int version = TPACKET_V3;
    if (setsockopt(m_socket, SOL_PACKET, PACKET_VERSION, &version, sizeof version) != 0) {
        error = "this kernel has no TPACKET_V3 capture ring: " + systemError(errno);
        return false;
    }
    tpacket_req3 ring{};
    ring.tp_block_size = m_options.blockSize;
    ring.tp_block_nr = m_options.blockCount;
    ring.tp_frame_size = m_options.frameSize;
    ring.tp_frame_nr = m_options.blockSize / m_options.frameSize * m_options.blockCount;
    ring.tp_retire_blk_tov = m_options.blockTimeoutMs;
    if (setsockopt(m_socket, SOL_PACKET, PACKET_RX_RING, &ring, sizeof ring) != 0) {
        error = "cannot set up a capture ring of " + std::to_string(m_options.blockCount) + " x " +
                std::to_string(m_options.blockSize) + " bytes on " + name + ": " + systemError(errno);
        return false;
    }
    m_ringSize = static_cast<std::size_t>(m_options.blockSize) * m_options.blockCount;
    void* mapped = mmap(nullptr, m_ringSize, PROT_READ | PROT_WRITE, MAP_SHARED, m_socket, 0);
    if (mapped == MAP_FAILED) {
        error = "cannot map the capture ring of " + name + ": " + systemError(errno);
        return false;
    }
    m_ring = static_cast<std::uint8_t*>(mapped);
    m_vlanScratch.resize(m_options.snapLength + VlanTagBytes);
    m_lent.resize(m_options.blockCount);

    const CaptureMode mode = m_options.mode;
    if (!attachFilter(mode == CaptureMode::Off ? rejectAllFilter() : m_program, error)) return false;

    sockaddr_ll address{};
    address.sll_family = AF_PACKET;
    address.sll_protocol = htons(ETH_P_ALL);
    address.sll_ifindex = static_cast<int>(m_interfaceIndex);
    if (bind(m_socket, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        const int code = errno;
        error = code == ENETDOWN ? "interface " + name + " is down; bring it up (ip link set " + name + " up)"
                                 : "cannot bind the packet socket to " + name + ": " + systemError(code);
        return false;
    }

    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_wakeFd < 0) {
        error = "cannot create the capture wake-up event: " + systemError(errno);
        return false;
    }

    if (mode == CaptureMode::On && !setPromiscuous(true, error)) return false;
    m_mode.store(mode);
    return true;
}

bool AfPacketSource::setPromiscuous(bool on, std::string& error)
{
    if (m_promiscuous.load() == on) return true;
    packet_mreq membership{};
    membership.mr_ifindex = static_cast<int>(m_interfaceIndex);
    membership.mr_type = PACKET_MR_PROMISC;
    const int option = on ? PACKET_ADD_MEMBERSHIP : PACKET_DROP_MEMBERSHIP;
    if (setsockopt(m_socket, SOL_PACKET, option, &membership, sizeof membership) != 0) {
        const int code = errno;
        if (isPrivilegeError(code))
            error = missingPrivilegeMessage(m_options.interfaceName, "make the interface promiscuous");
        else
            error = std::string("cannot ") + (on ? "enable" : "disable") + " promiscuous mode on " +
                    m_options.interfaceName + ": " + systemError(code);
        return false;
    }
    m_promiscuous.store(on);
    return true;
}

bool AfPacketSource::attachFilter(const std::vector<sock_filter>& program, std::string& error)
{
    sock_fprog kernelProgram{};
    kernelProgram.len = static_cast<unsigned short>(program.size());
    kernelProgram.filter = const_cast<sock_filter*>(program.data());
    if (setsockopt(m_socket, SOL_SOCKET, SO_ATTACH_FILTER, &kernelProgram, sizeof kernelProgram) != 0) {
        error = "the kernel refused the capture filter on " + m_options.interfaceName + ": " + systemError(errno);
        return false;
    }
    return true;
}

bool AfPacketSource::setMode(CaptureMode mode, std::string& error)
{
    std::lock_guard lock(m_modeMutex);
    const CaptureMode old = m_mode.load();
    if (old == mode) return true;

    // Off on the old mode ...
    if (!setPromiscuous(false, error)) return false;
    if (old == CaptureMode::On) m_keepOtherHostBeforeNs.store(realtimeNanoseconds());
    if (mode == CaptureMode::Off) {
        m_mode.store(CaptureMode::Off);
        const bool ok = attachFilter(rejectAllFilter(), error);
        m_offDrainPending.store(true);
        return ok;
    }
    // ... then On with the new one.
    if (old == CaptureMode::Off && !attachFilter(m_program, error)) return false;
    if (mode == CaptureMode::On && !setPromiscuous(true, error)) {
        std::string ignored;
        attachFilter(rejectAllFilter(), ignored);
        m_mode.store(CaptureMode::Off);
        return false;
    }
    m_mode.store(mode);
    return true;
}

void AfPacketSource::wakeup()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = write(m_wakeFd, &one, sizeof one);
}

PollResult AfPacketSource::poll(FrameSink& sink, int timeoutMs)
{
    if (!m_error.empty()) return PollResult::Error;
    // Blocks the kernel handed over since the last call need no wait.
    if (deliverReadyBlocks(sink) > 0) return PollResult::Frames;

    int waitMs = timeoutMs;
    // Just turned Off: the reject-all filter stops new frames, but the block the kernel was
    // filling is handed over only when its timer fires; wait for it once.
    if (m_offDrainPending.exchange(false) && m_mode.load() == CaptureMode::Off && kernelBlockHoldsFrames()) {
        const int drainMs = static_cast<int>(m_options.blockTimeoutMs) + 20;
        if (waitMs >= 0 && waitMs < drainMs) waitMs = drainMs;
    }

    // A lent block is still the user's, and the kernel reports POLLIN while the block before
    // the one it fills is: while any is lent, the consumer's wakeup() (as it returns frames)
    // is what ends the wait, not the socket.
    const int socket = m_lentCount == 0 ? m_socket : -1;
    if (socket < 0 && (waitMs < 0 || waitMs > static_cast<int>(m_options.blockTimeoutMs)))
        waitMs = static_cast<int>(m_options.blockTimeoutMs);
    pollfd waits[2] = {{socket, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
    if (::poll(waits, 2, waitMs) < 0) {
        if (errno == EINTR) return PollResult::Frames;
        m_error = "waiting for frames on " + m_options.interfaceName + " failed: " + systemError(errno);
        return PollResult::Error;
    }
    if ((waits[1].revents & POLLIN) != 0) {
        std::uint64_t count = 0;
        [[maybe_unused]] const ssize_t got = read(m_wakeFd, &count, sizeof count);
    }
    // Deliver what the ring holds before any error: those frames were captured.
    deliverReadyBlocks(sink);
    if ((waits[0].revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) {
        int socketError = 0;
        socklen_t length = sizeof socketError;
        getsockopt(m_socket, SOL_SOCKET, SO_ERROR, &socketError, &length);
        if (socketError != 0 || (waits[0].revents & (POLLHUP | POLLNVAL)) != 0) {
            deliverReadyBlocks(sink);
            m_error = vanishedMessage(socketError);
            return PollResult::Error;
        }
    }
    return PollResult::Frames;
}

std::size_t AfPacketSource::deliverReadyBlocks(FrameSink& sink)
{
    const bool lend = sink.keepsLentFrames();
    handBackReturnedBlocks(sink);
    std::size_t blocks = 0;
    // A lent block still reads TP_STATUS_USER: never deliver one twice.
    for (; blocks < m_options.blockCount && m_lentCount < m_options.blockCount; ++blocks) {
        std::uint8_t* block = m_ring + static_cast<std::size_t>(m_nextBlock) * m_options.blockSize;
        auto* descriptor = reinterpret_cast<tpacket_block_desc*>(block);
        if ((__atomic_load_n(&descriptor->hdr.bh1.block_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER) == 0) break;
        deliverBlock(sink, block, lend);
        if (lend) {
            m_lent[(m_lentFirst + m_lentCount) % m_options.blockCount] = LentBlock{m_nextBlock, sink.lentMark()};
            ++m_lentCount;
        } else {
            handBack(m_nextBlock);
        }
        m_nextBlock = (m_nextBlock + 1) % m_options.blockCount;
    }
    return blocks;
}

void AfPacketSource::handBack(std::uint32_t block)
{
    auto* descriptor = reinterpret_cast<tpacket_block_desc*>(m_ring + static_cast<std::size_t>(block) * m_options.blockSize);
    __atomic_store_n(&descriptor->hdr.bh1.block_status, TP_STATUS_KERNEL, __ATOMIC_RELEASE);
}

// Lent blocks go back in the order they were lent, as the kernel fills them in ring order.
void AfPacketSource::handBackReturnedBlocks(FrameSink& sink)
{
    while (m_lentCount > 0 && sink.returned(m_lent[m_lentFirst].mark)) {
        handBack(m_lent[m_lentFirst].block);
        m_lentFirst = (m_lentFirst + 1) % m_options.blockCount;
        --m_lentCount;
    }
}

// The block after the last one handed back is the one the kernel fills now; its packet
// count grows as frames land (a plain read of a counter the kernel only increments).
bool AfPacketSource::kernelBlockHoldsFrames() const
{
    const auto* descriptor = reinterpret_cast<const tpacket_block_desc*>(
        m_ring + static_cast<std::size_t>(m_nextBlock) * m_options.blockSize);
    return __atomic_load_n(&descriptor->hdr.bh1.num_pkts, __ATOMIC_RELAXED) > 0;
}

void AfPacketSource::deliverBlock(FrameSink& sink, std::uint8_t* block, bool lend)
{
    const auto* descriptor = reinterpret_cast<const tpacket_block_desc*>(block);
    const bool keepOtherHost = m_mode.load() == CaptureMode::On;
    const std::int64_t keepOtherHostBefore = m_keepOtherHostBeforeNs.load();
    const std::uint32_t count = descriptor->hdr.bh1.num_pkts;
    const std::uint8_t* cursor = block + descriptor->hdr.bh1.offset_to_first_pkt;
    std::uint64_t delivered = 0;

    for (std::uint32_t i = 0; i < count; ++i) {
        const auto* header = reinterpret_cast<const tpacket3_hdr*>(cursor);
        const auto* link = reinterpret_cast<const sockaddr_ll*>(cursor + TPACKET_ALIGN(sizeof(tpacket3_hdr)));
        const std::uint8_t* bytes = cursor + header->tp_mac;
        cursor += header->tp_next_offset;
        // The kernel wrote the next frame on another core: start fetching it while this one
        // is parsed and copied (its tpacket3_hdr line and the next, where the frame starts).
        if (i + 1 < count) {
            __builtin_prefetch(cursor);
            __builtin_prefetch(cursor + 64);
        }

        FrameRef frame;
        frame.ts = Timestamp{header->tp_sec, header->tp_nsec};
        frame.direction = directionOf(link->sll_pkttype);
        // Loopback hands every packet up twice, as sent and as received: keep one, as libpcap does.
        if (m_loopback && frame.direction == Direction::Outgoing) continue;
        if (frame.direction == Direction::OtherHost && !keepOtherHost &&
            frame.ts.totalNanoseconds() >= keepOtherHostBefore)
            continue;  // IpLevel: the NIC would not have accepted it
        frame.capturedLength = header->tp_snaplen;
        frame.originalLength = header->tp_len;
        frame.linkType = link_type::Ethernet;
        frame.data = ByteSpan(bytes, header->tp_snaplen);

        if ((header->tp_status & TP_STATUS_VLAN_VALID) != 0 && header->tp_snaplen >= MacHeaderBytes) {
            // The kernel moved the 802.1Q tag into the frame header; put it back in place.
            std::uint8_t* out = m_vlanScratch.data();
            const std::uint16_t tpid =
                (header->tp_status & TP_STATUS_VLAN_TPID_VALID) != 0 ? header->hv1.tp_vlan_tpid : EtherTypeVlan;
            const std::uint16_t tci = header->hv1.tp_vlan_tci;
            const std::uint32_t rest = std::min<std::uint32_t>(
                header->tp_snaplen - MacHeaderBytes,
                static_cast<std::uint32_t>(m_vlanScratch.size()) - MacHeaderBytes - VlanTagBytes);
            std::memcpy(out, bytes, MacHeaderBytes);
            const std::uint8_t tag[VlanTagBytes] = {static_cast<std::uint8_t>(tpid >> 8), static_cast<std::uint8_t>(tpid),
                                                    static_cast<std::uint8_t>(tci >> 8), static_cast<std::uint8_t>(tci)};
            std::memcpy(out + MacHeaderBytes, tag, VlanTagBytes);
            std::memcpy(out + MacHeaderBytes + VlanTagBytes, bytes + MacHeaderBytes, rest);
            frame.capturedLength = MacHeaderBytes + VlanTagBytes + rest;
            frame.originalLength = header->tp_len + VlanTagBytes;
            frame.data = ByteSpan(out, frame.capturedLength);
            sink.onFrame(frame);  // the scratch is reused for the next tagged frame: copy it
            ++delivered;
            continue;
        }
        if (lend)
            sink.onLentFrame(frame);
        else
            sink.onFrame(frame);
        ++delivered;
    }
    m_received.fetch_add(delivered, std::memory_order_relaxed);
}

std::string AfPacketSource::vanishedMessage(int socketError) const
{
    const std::string& name = m_options.interfaceName;
    ifreq request{};
    request.ifr_ifindex = static_cast<int>(m_interfaceIndex);
    const bool removed = ioctl(m_socket, SIOCGIFNAME, &request) != 0 && errno == ENODEV;
    if (removed) return "interface " + name + " was removed during the capture; the frames captured before are kept";
    // The kernel reports the link going down first and unregisters it a moment later, so
    // a deleted interface may still look present here.
    if (socketError == ENETDOWN || socketError == ENXIO)
        return "interface " + name + " went down or was removed during the capture; the frames captured before are kept";
    return "capture on " + name + " failed: " + systemError(socketError);
}

CaptureStats AfPacketSource::stats() const
{
    std::lock_guard lock(m_statsMutex);
    tpacket_stats_v3 kernel{};
    socklen_t length = sizeof kernel;
    if (getsockopt(m_socket, SOL_PACKET, PACKET_STATISTICS, &kernel, &length) == 0) m_kernelDrops += kernel.tp_drops;
    return CaptureStats{m_received.load(std::memory_order_relaxed), m_kernelDrops};
}

std::uint32_t AfPacketSource::linkType() const
{
    return link_type::Ethernet;
}

}  // namespace rcvmon
