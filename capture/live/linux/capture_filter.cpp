// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/linux/capture_filter.h"

#include <mutex>

#include <pcap/pcap.h>

namespace rcvmon {
namespace {

constexpr std::uint16_t EtherTypeIpv4 = 0x0800;
constexpr std::uint16_t EtherTypeIpv6 = 0x86dd;
constexpr std::uint16_t EtherTypeVlan = 0x8100;
constexpr std::uint16_t EtherTypeQinQ = 0x88a8;

sock_filter statement(std::uint16_t code, std::uint32_t k)
{
    return sock_filter{code, 0, 0, k};
}

sock_filter jump(std::uint16_t code, std::uint32_t k, std::uint8_t ifTrue, std::uint8_t ifFalse)
{
    return sock_filter{code, ifTrue, ifFalse, k};
}

// Accepts IPv4 / IPv6 by jumping past its own end into whatever follows; rejects the rest.
// The kernel usually strips a VLAN tag before packet sockets see the frame (the Ethernet
// type at 12 is then the inner one), but a tag left in the data is handled too.
std::vector<sock_filter> ipOnlyPrefix()
{
    constexpr std::uint16_t loadHalf = BPF_LD | BPF_H | BPF_ABS;
    constexpr std::uint16_t equals = BPF_JMP | BPF_JEQ | BPF_K;
    return {
        /* 0 */ statement(loadHalf, 12),
        /* 1 */ jump(equals, EtherTypeIpv4, 7, 0),  // -> 9 accept
        /* 2 */ jump(equals, EtherTypeIpv6, 6, 0),  // -> 9 accept
        /* 3 */ jump(equals, EtherTypeVlan, 1, 0),  // -> 5 tagged
        /* 4 */ jump(equals, EtherTypeQinQ, 0, 3),  // -> 8 reject
        /* 5 */ statement(loadHalf, 16),
        /* 6 */ jump(equals, EtherTypeIpv4, 2, 0),  // -> 9 accept
        /* 7 */ jump(equals, EtherTypeIpv6, 1, 0),  // -> 9 accept
        /* 8 */ statement(BPF_RET | BPF_K, 0),
        // 9: accept: hand the next program the zeroed registers it starts from.
        /* 9 */ statement(BPF_LD | BPF_IMM, 0),
        /* 10 */ statement(BPF_MISC | BPF_TAX, 0),
    };
}

}  // namespace

bool buildCaptureFilter(const std::string& expression, bool allProtocols, std::uint32_t snapLength,
                        std::vector<sock_filter>& program, std::string& error)
{
    program.clear();
    if (!allProtocols) program = ipOnlyPrefix();
    if (expression.empty()) {
        program.push_back(statement(BPF_RET | BPF_K, snapLength));
        return true;
    }

    // pcap_compile kept global parser state before libpcap 1.8; one compile at a time.
    static std::mutex compileMutex;
    std::lock_guard lock(compileMutex);
    pcap_t* dead = pcap_open_dead(DLT_EN10MB, static_cast<int>(snapLength));
    if (dead == nullptr) {
        error = "cannot compile capture filter \"" + expression + "\": libpcap is out of memory";
        return false;
    }
    bpf_program compiled{};
    if (pcap_compile(dead, &compiled, expression.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0) {
        error = "capture filter \"" + expression + "\" is not valid: " + pcap_geterr(dead);
        pcap_close(dead);
        return false;
    }
    for (u_int i = 0; i < compiled.bf_len; ++i) {
        const bpf_insn& insn = compiled.bf_insns[i];
        program.push_back(sock_filter{insn.code, insn.jt, insn.jf, insn.k});
    }
    pcap_freecode(&compiled);
    pcap_close(dead);
    if (program.size() > BPF_MAXINSNS) {
        error = "capture filter \"" + expression + "\" is too long for the kernel (" +
                std::to_string(program.size()) + " instructions, at most " + std::to_string(BPF_MAXINSNS) + ")";
        return false;
    }
    return true;
}

std::vector<sock_filter> rejectAllFilter()
{
    return {statement(BPF_RET | BPF_K, 0)};
}

}  // namespace rcvmon
