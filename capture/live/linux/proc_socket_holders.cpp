// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/linux/proc_socket_holders.h"

#include "live/linux/proc_net_parser.h"

#include <charconv>
#include <string_view>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace rcvmon {
namespace {

std::optional<std::uint32_t> parseDecimal(std::string_view text)
{
    std::uint32_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<std::uint64_t> socketInodeAt(int directory, const char* name)
{
    char target[64];
    const ssize_t length = readlinkat(directory, name, target, sizeof target);
    if (length <= 0 || static_cast<std::size_t>(length) >= sizeof target) return std::nullopt;
    return parseSocketLink(std::string_view(target, static_cast<std::size_t>(length)));
}

}  // namespace

ProcSocketHolders::ProcSocketHolders(std::string procRoot) : m_procRoot(std::move(procRoot)) {}

std::optional<ProcSocketHolders::Holder> ProcSocketHolders::find(std::uint64_t inode)
{
    if (inode == 0) return std::nullopt;
    auto found = m_byInode.find(inode);
    if (found != m_byInode.end() && stillHolds(found->second.holder, inode)) return found->second.holder;
    if (m_scannedThisRound) return std::nullopt;
    scan();
    found = m_byInode.find(inode);
    if (found == m_byInode.end()) return std::nullopt;
    return found->second.holder;
}

bool ProcSocketHolders::stillHolds(const Holder& holder, std::uint64_t inode) const
{
    const std::string link = m_procRoot + "/" + std::to_string(holder.pid) + "/fd/" + std::to_string(holder.fd);
    return socketInodeAt(AT_FDCWD, link.c_str()) == inode;
}

void ProcSocketHolders::scan()
{
    m_scannedThisRound = true;
    ++m_scans;
    m_byInode.clear();
    DIR* processes = opendir(m_procRoot.c_str());
    if (processes == nullptr) return;
    while (const dirent* process = readdir(processes)) {
        const auto pid = parseDecimal(process->d_name);
        if (!pid) continue;
        const std::string fdPath = m_procRoot + "/" + process->d_name + "/fd";
        // Gone since readdir, or another user's process without root: skip it.
        const int fdDirectory = open(fdPath.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fdDirectory < 0) continue;
        DIR* descriptors = fdopendir(fdDirectory);
        if (descriptors == nullptr) {
            close(fdDirectory);
            continue;
        }
        while (const dirent* descriptor = readdir(descriptors)) {
            const auto fd = parseDecimal(descriptor->d_name);
            if (!fd) continue;
            const auto inode = socketInodeAt(fdDirectory, descriptor->d_name);
            if (!inode) continue;
            const auto [item, added] = m_byInode.try_emplace(*inode, Entry{{*pid, *fd, 1}, *pid});
            if (added) continue;
            Entry& entry = item->second;
            if (entry.lastPid != *pid) {
                ++entry.holder.holders;
                entry.lastPid = *pid;
            }
            if (*pid < entry.holder.pid) entry.holder = {*pid, *fd, entry.holder.holders};
        }
        closedir(descriptors);  // closes fdDirectory too
    }
    closedir(processes);
}

std::optional<std::string> readProcessName(std::uint32_t pid, const std::string& procRoot)
{
    const std::string path = procRoot + "/" + std::to_string(pid) + "/comm";
    const int file = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file < 0) return std::nullopt;
    char text[64];
    const ssize_t length = read(file, text, sizeof text);
    close(file);
    if (length <= 0) return std::nullopt;
    std::string name(text, static_cast<std::size_t>(length));
    while (!name.empty() && name.back() == '\n') name.pop_back();
    if (name.empty()) return std::nullopt;
    return name;
}

}  // namespace rcvmon
