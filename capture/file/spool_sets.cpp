// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/spool_sets.h"

#include "file/capture_copy.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <system_error>

namespace rcvmon {

namespace {
constexpr std::string_view kSuffix = ".pcapng";

// "<digits>" as a number; nullopt when empty, not all digits or too large.
std::optional<std::uint32_t> number(std::string_view text)
{
    if (text.empty() || text.size() > 9) return std::nullopt;
    std::uint32_t n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return n;
}
}  // namespace

std::optional<SpoolPart> spoolFilePart(const std::string& fileName)
{
    if (!spoolFileOwner(fileName)) return std::nullopt;
    // rcvmon-spool-<pid>-<yyyymmdd>-<hhmmss>-<serial>[-<part>].pcapng: six or seven fields.
    const std::string_view stem(fileName.data(), fileName.size() - kSuffix.size());
    std::vector<std::string_view> fields;
    std::size_t from = 0;
    for (std::size_t dash; (dash = stem.find('-', from)) != std::string_view::npos; from = dash + 1)
        fields.push_back(stem.substr(from, dash - from));
    fields.push_back(stem.substr(from));
    if (fields.size() == 7) {
        const std::optional<std::uint32_t> part = number(fields[6]);
        if (part && *part > 0) return SpoolPart{std::string(stem.substr(0, stem.size() - fields[6].size() - 1)), *part};
    }
    return SpoolPart{std::string(stem), 0};
}

std::vector<OrphanedCapture> findOrphanedCaptures(const std::string& directory)
{
    std::map<std::string, std::vector<std::pair<std::uint32_t, OrphanedSpool>>> byCapture;
    for (OrphanedSpool& file : findOrphanedSpools(directory)) {
        const std::string name = std::filesystem::path(file.path).filename().string();
        const std::optional<SpoolPart> part = spoolFilePart(name);
        // A single-file capture is its own entry even if another shares its stem.
        const std::string key = part && part->part ? part->capture : name;
        byCapture[key].emplace_back(part ? part->part : 0, std::move(file));
    }
    std::vector<OrphanedCapture> captures;
    for (auto& [key, parts] : byCapture) {
        // Numerically: part 10 comes after part 9.
        std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        OrphanedCapture capture;
        capture.pid = parts.front().second.pid;
        for (auto& [number, file] : parts) {
            capture.bytes += file.bytes;
            capture.modifiedUnix = std::max(capture.modifiedUnix, file.modifiedUnix);
            capture.files.push_back(std::move(file));
        }
        captures.push_back(std::move(capture));
    }
    std::stable_sort(captures.begin(), captures.end(),
                     [](const OrphanedCapture& a, const OrphanedCapture& b) { return a.modifiedUnix < b.modifiedUnix; });
    return captures;
}

std::string adoptCapture(const OrphanedCapture& capture, std::string& error)
{
    namespace fs = std::filesystem;
    if (capture.files.empty()) {
        error = "The capture has no files to recover.";
        return {};
    }
    if (capture.files.size() == 1) return adoptSpool(capture.files.front().path, error);
    static std::atomic<std::uint32_t> serial{1u << 21};  // apart from live and adopted serials
    std::vector<std::string> paths;
    for (const OrphanedSpool& file : capture.files) paths.push_back(file.path);
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    const fs::path to = fs::path(paths.front()).parent_path()
                        / fs::path(spoolFileName(currentProcessId(), now.count(), serial.fetch_add(1)));
    std::uint64_t packets = 0;
    std::string why;
    // copyCaptures writes beside `to` and renames at the end: until then the parts are intact.
    if (!copyCaptures(paths, to.string(), FileFormat::PcapNg, packets, why)) {
        error = "Cannot recover the capture of " + std::to_string(paths.size()) + " spool files (\"" + paths.front()
                + "\" ...): " + why;
        return {};
    }
    for (const std::string& path : paths) {
        std::error_code ec;
        fs::remove(fs::path(path), ec);
    }
    return to.string();
}

}  // namespace rcvmon
