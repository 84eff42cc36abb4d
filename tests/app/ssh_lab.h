// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>
#include <vector>

#include <sys/types.h>

namespace rcvmon::test {

// A small network for remote-capture tests, in namespaces of its own:
//   local  (runs rcvmon-cli)  l-ssh 198.18.1.1 ── r-ssh 198.18.1.2  remote (runs OpenSSH's sshd)
//   local                     l-lan 198.18.3.1 ── s-llan 198.18.3.2 sender
//   remote                    r-lan 198.18.2.1 ── s-rlan 198.18.2.2 sender
// The sender puts frames on the remote LAN and the local LAN alike. sshd listens on
// 198.18.1.2:22 with a throw-away host key and a throw-away user key authorized for root;
// rcvmon-cli reaches it with sshOptions(). Everything (sshd, namespaces, keys) goes in the
// destructor, and at exit if a test dies early.
//
// With two remotes (SshLab(2)) a second host joins, the same shape on other addresses:
//   local  l-ssh2 198.18.4.1 ── r-ssh 198.18.4.2  remote2 (sshd)
//   remote2 r-lan 198.18.5.1 ── s-rlan2 198.18.5.2 sender
class SshLab {
public:
    explicit SshLab(int remotes = 1);
    ~SshLab();
    SshLab(const SshLab&) = delete;
    SshLab& operator=(const SshLab&) = delete;

    // Why the lab cannot be built here (not root, no `ip netns`, no sshd), or empty.
    static std::string unavailableReason();
    // Builds it and waits until ssh logs in; on failure says what failed.
    bool create(std::string& error);

    const std::string& local() const { return m_local; }
    const std::string& remote() const { return m_remote; }
    const std::string& sender() const { return m_sender; }
    const std::string& remote2() const { return m_remote2; }
    static constexpr const char* RemoteHost = "198.18.1.2";
    static constexpr const char* RemoteHost2 = "198.18.4.2";
    static constexpr const char* SenderToRemote2 = "s-rlan2";
    static constexpr const char* RemoteLan = "r-lan";
    static constexpr const char* LocalLan = "l-lan";
    static constexpr const char* SenderToRemote = "s-rlan";
    static constexpr const char* SenderToLocal = "s-llan";

    // rcvmon-cli's flags that make ssh use the lab's key and skip host-key checks.
    std::string sshOptions() const;
    // The same as ssh -o options (SshSource::Options::sshOptions).
    std::vector<std::string> sshOptionList() const;
    // Kills the sshd processes serving connections (not the listener): a dropped connection.
    // host 1: the second remote's.
    int killSessions(int host = 0);
    pid_t sshdPid() const { return m_sshd; }

private:
    bool startSshd(const std::string& ns, const std::string& address, const std::string& config, pid_t& pid,
                   std::string& error);

    int m_remotes;
    std::string m_local, m_remote, m_sender, m_remote2;
    std::string m_dir;
    pid_t m_sshd = -1;
    pid_t m_sshd2 = -1;
};

}  // namespace rcvmon::test
