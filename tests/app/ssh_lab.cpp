// SPDX-License-Identifier: GPL-2.0-or-later
#include "ssh_lab.h"

#include "netns_pair.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

namespace rcvmon::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSshd = "/usr/sbin/sshd";

std::mutex& leftoverMutex()
{
    static std::mutex mutex;
    return mutex;
}
std::set<std::string>& leftoverNamespaces()
{
    static std::set<std::string> names;
    return names;
}
std::set<pid_t>& leftoverDaemons()
{
    static std::set<pid_t> pids;
    return pids;
}

// A test that dies early still takes its sshd and namespaces with it.
void removeLeftovers()
{
    std::lock_guard lock(leftoverMutex());
    for (const pid_t pid : leftoverDaemons()) {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
    for (const auto& name : leftoverNamespaces()) runCommand("ip netns del " + name);
    leftoverDaemons().clear();
    leftoverNamespaces().clear();
}

void trackAtExit()
{
    static std::once_flag installed;
    std::call_once(installed, [] { std::atexit(removeLeftovers); });
}

// Parent pid and command name of every process, from /proc.
std::map<pid_t, std::pair<pid_t, std::string>> processTable()
{
    std::map<pid_t, std::pair<pid_t, std::string>> table;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        if (!std::getline(stat, line)) continue;
        const std::size_t open = line.find('('), close = line.rfind(')');
        if (open == std::string::npos || close == std::string::npos || close + 4 > line.size()) continue;
        const pid_t parent = static_cast<pid_t>(std::atoi(line.c_str() + close + 4));
        table[static_cast<pid_t>(std::atoi(name.c_str()))] = {parent, line.substr(open + 1, close - open - 1)};
    }
    return table;
}

}  // namespace

SshLab::SshLab(int remotes) : m_remotes(remotes)
{
    static std::atomic<int> counter{0};
    const std::string suffix = std::to_string(getpid()) + "-" + std::to_string(counter++);
    m_local = "rcvmon-sl-" + suffix;
    m_remote = "rcvmon-sr-" + suffix;
    m_sender = "rcvmon-ss-" + suffix;
    if (m_remotes > 1) m_remote2 = "rcvmon-s2-" + suffix;
    m_dir = (fs::temp_directory_path() / ("rcvmon-ssh-lab-" + suffix)).string();
}

SshLab::~SshLab()
{
    for (const pid_t pid : {m_sshd, m_sshd2}) {
        if (pid <= 0) continue;
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
    for (const auto& name : {m_local, m_remote, m_sender, m_remote2})
        if (!name.empty()) runCommand("ip netns del " + name);
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
    std::lock_guard lock(leftoverMutex());
    leftoverDaemons().erase(m_sshd);
    leftoverDaemons().erase(m_sshd2);
    for (const auto& name : {m_local, m_remote, m_sender, m_remote2}) leftoverNamespaces().erase(name);
}

std::string SshLab::unavailableReason()
{
    if (std::string why = NetnsPair::unavailableReason(); !why.empty()) return why;
    if (access(kSshd, X_OK) != 0) return "OpenSSH's sshd is not installed (Debian: openssh-server)";
    if (runCommand("command -v ssh && command -v ssh-keygen") != 0)
        return "OpenSSH's client is not installed (Debian: openssh-client)";
    return {};
}

bool SshLab::create(std::string& error)
{
    trackAtExit();
    {
        std::lock_guard lock(leftoverMutex());
        for (const auto& name : {m_local, m_remote, m_sender, m_remote2})
            if (!name.empty()) leftoverNamespaces().insert(name);
    }
    const std::string L = " -n " + m_local + " ", R = " -n " + m_remote + " ", S = " -n " + m_sender + " ";
    fs::create_directories(m_dir);
    std::vector<std::string> commands = {
        "ip netns add " + m_local,
        "ip netns add " + m_remote,
        "ip netns add " + m_sender,
        "ip" + L + "link add l-ssh type veth peer name r-ssh netns " + m_remote,
        "ip" + R + "link add r-lan type veth peer name s-rlan netns " + m_sender,
        "ip" + L + "link add l-lan type veth peer name s-llan netns " + m_sender,
        "ip" + L + "addr add 198.18.1.1/24 dev l-ssh",
        "ip" + R + "addr add 198.18.1.2/24 dev r-ssh",
        "ip" + R + "addr add 198.18.2.1/24 dev r-lan",
        "ip" + S + "addr add 198.18.2.2/24 dev s-rlan",
        "ip" + L + "addr add 198.18.3.1/24 dev l-lan",
        "ip" + S + "addr add 198.18.3.2/24 dev s-llan",
        "ip" + L + "link set lo up", "ip" + R + "link set lo up", "ip" + S + "link set lo up",
        "ip" + L + "link set l-ssh up", "ip" + L + "link set l-lan up",
        "ip" + R + "link set r-ssh up", "ip" + R + "link set r-lan up",
        "ip" + S + "link set s-rlan up", "ip" + S + "link set s-llan up",
        "ssh-keygen -q -t ed25519 -N '' -f " + m_dir + "/host_key",
        "ssh-keygen -q -t ed25519 -N '' -f " + m_dir + "/user_key",
        "cp " + m_dir + "/user_key.pub " + m_dir + "/authorized_keys",
        "mkdir -p /run/sshd",
    };
    if (m_remotes > 1) {
        const std::string R2 = " -n " + m_remote2 + " ";
        for (std::string c : {"ip netns add " + m_remote2,
                              "ip" + L + "link add l-ssh2 type veth peer name r-ssh netns " + m_remote2,
                              "ip" + R2 + "link add r-lan type veth peer name s-rlan2 netns " + m_sender,
                              "ip" + L + "addr add 198.18.4.1/24 dev l-ssh2", "ip" + R2 + "addr add 198.18.4.2/24 dev r-ssh",
                              "ip" + R2 + "addr add 198.18.5.1/24 dev r-lan", "ip" + S + "addr add 198.18.5.2/24 dev s-rlan2",
                              "ip" + R2 + "link set lo up", "ip" + L + "link set l-ssh2 up", "ip" + R2 + "link set r-ssh up",
                              "ip" + R2 + "link set r-lan up", "ip" + S + "link set s-rlan2 up"})
            commands.insert(commands.end() - 4, c);
    }
    for (const auto& command : commands) {
        std::string output;
        if (runCommand(command, &output) != 0) {
            error = "`" + command + "` failed: " + output;
            return false;
        }
    }
    if (!startSshd(m_remote, RemoteHost, m_dir + "/sshd_config", m_sshd, error)) return false;
    if (m_remotes > 1 && !startSshd(m_remote2, RemoteHost2, m_dir + "/sshd2_config", m_sshd2, error)) return false;
    return true;
}

bool SshLab::startSshd(const std::string& ns, const std::string& address, const std::string& config, pid_t& pid,
                       std::string& error)
{
    std::ofstream(config) << "ListenAddress " << address << "\nPort 22\nHostKey " << m_dir
                          << "/host_key\nAuthorizedKeysFile " << m_dir
                          << "/authorized_keys\nPermitRootLogin prohibit-password\n"
                             "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                             "UsePAM no\nStrictModes no\nPidFile none\nLogLevel ERROR\n";
    pid = fork();
    if (pid == 0) {
        // `ip netns exec` execs sshd in place: the pid is sshd's.
        execlp("ip", "ip", "netns", "exec", ns.c_str(), kSshd, "-D", "-e", "-f", config.c_str(),
               static_cast<char*>(nullptr));
        _exit(127);
    }
    if (pid < 0) {
        error = "cannot start sshd";
        return false;
    }
    {
        std::lock_guard lock(leftoverMutex());
        leftoverDaemons().insert(pid);
    }
    // Ready once ssh logs in (bounded: sshd starts in well under a second).
    const std::string probe = "ip netns exec " + m_local + " ssh -o BatchMode=yes -o ConnectTimeout=3 -i " + m_dir +
                              "/user_key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null root@" +
                              address + " true";
    std::string output;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        if (runCommand(probe, &output) == 0) return true;
        if (waitpid(pid, nullptr, WNOHANG) == pid) {
            pid = -1;
            error = "sshd exited at start";
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    error = "ssh never logged in to the lab's sshd at " + address + ": " + output;
    return false;
}

std::vector<std::string> SshLab::sshOptionList() const
{
    return {"IdentityFile=" + m_dir + "/user_key", "StrictHostKeyChecking=no", "UserKnownHostsFile=/dev/null",
            "LogLevel=ERROR"};
}

std::string SshLab::sshOptions() const
{
    std::string flags;
    for (const auto& option : sshOptionList()) flags += (flags.empty() ? "" : " ") + std::string("--ssh-option ") + option;
    return flags;
}

int SshLab::killSessions(int host)
{
    const pid_t listener = host == 0 ? m_sshd : m_sshd2;
    // Every sshd below the listener serves a connection (privileged monitor and session child).
    const auto table = processTable();
    std::set<pid_t> below{listener};
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& [pid, info] : table)
            if (below.count(info.first) && below.insert(pid).second) grew = true;
    }
    int killed = 0;
    for (const pid_t pid : below) {
        if (pid == listener) continue;
        const auto it = table.find(pid);
        if (it != table.end() && it->second.second == "sshd" && kill(pid, SIGKILL) == 0) ++killed;
    }
    return killed;
}

}  // namespace rcvmon::test
