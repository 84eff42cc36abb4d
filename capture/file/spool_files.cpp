// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/spool_files.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <system_error>

#ifdef _WIN32
#include <windows.h>
#else
#include <signal.h>
#include <unistd.h>
#endif

namespace rcvmon {

namespace {

constexpr std::string_view kPrefix = "rcvmon-spool-";
constexpr std::string_view kSuffix = ".pcapng";

}  // namespace

std::int64_t currentProcessId()
{
#ifdef _WIN32
    return static_cast<std::int64_t>(GetCurrentProcessId());
#else
    return static_cast<std::int64_t>(getpid());
#endif
}

bool processAlive(std::int64_t pid)
{
    if (pid <= 0) return false;
#ifdef _WIN32
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!process) return GetLastError() == ERROR_ACCESS_DENIED;
    DWORD code = 0;
    const bool running = GetExitCodeProcess(process, &code) && code == STILL_ACTIVE;
    CloseHandle(process);
    return running;
#else
    // EPERM: it exists but belongs to someone else.
    return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
#endif
}

std::string spoolFileName(std::int64_t pid, std::int64_t unixSeconds, std::uint32_t serial, std::uint32_t part)
{
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm parts{};
#ifdef _WIN32
    gmtime_s(&parts, &t);
#else
    gmtime_r(&t, &parts);
#endif
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &parts);
    std::string name(kPrefix);
    name.append(std::to_string(pid)).append("-").append(stamp).append("-").append(std::to_string(serial));
    if (part) name.append("-").append(std::to_string(part));
    return name.append(kSuffix);
}

std::optional<std::int64_t> spoolFileOwner(const std::string& fileName)
{
    if (fileName.size() <= kPrefix.size() + kSuffix.size() || fileName.compare(0, kPrefix.size(), kPrefix) != 0
        || fileName.compare(fileName.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0)
        return std::nullopt;
    std::int64_t pid = 0;
    std::size_t i = kPrefix.size();
    for (; i < fileName.size() && fileName[i] >= '0' && fileName[i] <= '9' && pid < (INT64_MAX / 10 - 9); ++i)
        pid = pid * 10 + (fileName[i] - '0');
    if (i == kPrefix.size() || i >= fileName.size() || fileName[i] != '-') return std::nullopt;
    return pid;
}

std::vector<OrphanedSpool> findOrphanedSpools(const std::string& directory)
{
    namespace fs = std::filesystem;
    std::vector<OrphanedSpool> found;
    std::error_code ec;
    fs::directory_iterator it(fs::path(directory), ec);
    if (ec) return found;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::directory_entry& entry = *it;
        std::error_code entryError;
        if (!entry.is_regular_file(entryError)) continue;
        const std::optional<std::int64_t> pid = spoolFileOwner(entry.path().filename().string());
        if (!pid || processAlive(*pid)) continue;
        OrphanedSpool orphan;
        orphan.path = entry.path().string();
        orphan.pid = *pid;
        orphan.bytes = entry.file_size(entryError);
        const auto written = entry.last_write_time(entryError);
        if (!entryError) {
            const auto system = std::chrono::time_point_cast<std::chrono::seconds>(
                written - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
            orphan.modifiedUnix = system.time_since_epoch().count();
        }
        found.push_back(std::move(orphan));
    }
    std::sort(found.begin(), found.end(),
              [](const OrphanedSpool& a, const OrphanedSpool& b) { return a.modifiedUnix < b.modifiedUnix; });
    return found;
}

std::string adoptSpool(const std::string& path, std::string& error)
{
    namespace fs = std::filesystem;
    static std::atomic<std::uint32_t> serial{1u << 20};  // apart from the live captures' serials
    const fs::path from = fs::path(path);
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const fs::path to = from.parent_path()
                        / fs::path(spoolFileName(currentProcessId(),
                                                   std::chrono::duration_cast<std::chrono::seconds>(now).count(),
                                                   serial.fetch_add(1)));
    std::error_code ec;
    fs::rename(from, to, ec);
    if (ec) {
        error = "Cannot take over the spool file \"" + path + "\": " + ec.message() + ".";
        return {};
    }
    return to.string();
}

}  // namespace rcvmon
