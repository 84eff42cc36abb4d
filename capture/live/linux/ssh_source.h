// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/capture_source.h"
#include "live/capture_stream_parser.h"
#include "live/ssh_target.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <sys/types.h>

namespace rcvmon {

// A remote interface captured over OpenSSH, used as it is: the user's ssh configuration,
// keys and agent, BatchMode (never a password prompt; RcvMon stores none). The remote end
// runs `rcvmon-cli -i IF -m MODE --control-stdin -U -w -`, or, where rcvmon-cli is not
// installed, `tcpdump -U -w - -p -i IF` (IP level only: no promiscuous mode). Its pcapng or
// pcap stream is read from ssh's standard output; the interface is named host:if.
//
// With rcvmon-cli at the far end, ssh's standard input is a control channel: a line
// "mode on|iplevel|off" switches the remote mode, and its end (this source closing, or the
// connection dropping) stops the remote capture, so the remote interface never stays
// promiscuous. Its stat lines on ssh's standard error carry the remote kernel and ring drops.
// A dropped connection ends poll() with Error and a message; frames received before stay.
class SshSource final : public CaptureSource {
public:
    struct Options {
        SshTarget target;
        CaptureMode mode = CaptureMode::IpLevel;
        std::string filter;                    // capture filter applied at the remote end
        bool allProtocols = false;
        std::string remoteCli = "rcvmon-cli";  // the program looked for at the remote end
        std::string sshProgram = "ssh";
        std::vector<std::string> sshOptions;   // each passed as -o OPTION
        std::chrono::milliseconds startTimeout{30000};
    };

    // Starts ssh and waits for the remote capture's first interface description; on
    // failure returns null and what ssh or the remote end said.
    static std::unique_ptr<SshSource> open(const Options& options, std::string& error);
    ~SshSource() override;
    SshSource(const SshSource&) = delete;
    SshSource& operator=(const SshSource&) = delete;

    PollResult poll(FrameSink& sink, int timeoutMs) override;
    void wakeup() override;
    // received: frames read from the stream; droppedKernel: what the remote end reported
    // dropped (its kernel and ring), from its stat lines or final statistics block.
    CaptureStats stats() const override;
    const std::string& error() const override { return m_error; }
    std::uint32_t linkType() const override { return m_linkType; }
    const std::string& name() const override { return m_name; }
    CaptureMode mode() const override { return m_mode.load(); }
    bool setMode(CaptureMode mode, std::string& error) override;

    // Whether the remote end runs rcvmon-cli (false: tcpdump, IP level only).
    bool remoteIsRcvmon() const { return m_remoteIsRcvmon; }
    // The command line handed to ssh (for messages and tests).
    const std::vector<std::string>& sshCommand() const { return m_argv; }

private:
    explicit SshSource(const Options& options);
    bool spawn(std::string& error);
    bool waitForHeader(std::string& error);
    // Reads what the pipes hold; false once standard output has ended.
    bool readStdout();
    void readStderr();
    void takeStderrLine(const std::string& line);
    std::size_t deliver(FrameSink& sink);
    std::string endMessage();
    void stopChild();

    Options m_options;
    std::string m_name;
    std::vector<std::string> m_argv;
    pid_t m_child = -1;
    int m_stdout = -1;
    int m_stderr = -1;
    int m_control = -1;
    int m_wakeFd = -1;
    CaptureStreamParser m_parser;
    std::vector<std::uint8_t> m_chunk;
    std::string m_stderrPartial;
    std::vector<std::string> m_messages;  // the last lines ssh and the remote end wrote
    bool m_remoteIsRcvmon = true;
    bool m_stdoutEnded = false;
    bool m_finished = false;
    std::uint32_t m_linkType = 0;
    std::string m_error;

    std::mutex m_controlMutex;
    std::atomic<CaptureMode> m_mode{CaptureMode::Off};
    std::atomic<std::uint64_t> m_received{0};
    std::atomic<std::uint64_t> m_remoteDropped{0};
    std::atomic<std::uint64_t> m_remoteKernel{0};  // from the last stat line
    std::atomic<std::uint64_t> m_remoteRing{0};
};

}  // namespace rcvmon
