// SPDX-License-Identifier: GPL-2.0-or-later
#include "live_file_options.h"

#include <charconv>
#include <cstdlib>

namespace rcvmon::cli {
namespace {

constexpr std::uint64_t kBytesPerKb = 1000;     // dumpcap's kB
constexpr std::uint64_t kMaxFileKb = 1ull << 40;  // no 2 GiB limit as dumpcap's, but no overflow either
constexpr std::uint64_t kMaxRingFiles = 100000; // dumpcap's RINGBUFFER_MAX_NUM_FILES

bool parseCount(const std::string& text, std::uint64_t& out)
{
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc{} && ptr == end && !text.empty() && out > 0;
}

bool parseSeconds(const std::string& text, double& out, bool zeroAllowed = false)
{
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return !text.empty() && end == text.c_str() + text.size() && (out > 0 || (zeroAllowed && out == 0)) && out < 1e9;
}

// Splits "key:value"; false when there is no colon.
bool split(const std::string& spec, std::string& key, std::string& value)
{
    const auto colon = spec.find(':');
    if (colon == std::string::npos) return false;
    key = spec.substr(0, colon);
    value = spec.substr(colon + 1);
    return true;
}

}  // namespace

std::string applyRingOption(const std::string& spec, CliOptions& o)
{
    std::string key, value;
    std::uint64_t n = 0;
    double s = 0;
    LiveFileLimits& l = o.fileLimits;
    if (!split(spec, key, value)) return "-b takes KEY:VALUE (filesize, duration, interval, files, packets), got '" + spec + "'";
    if (key == "filesize") {
        if (!parseCount(value, n) || n > kMaxFileKb) return "-b filesize: takes a positive size in kB (1000 bytes), e.g. -b filesize:100000";
        l.fileBytes = n * kBytesPerKb;
    } else if (key == "duration") {
        if (!parseSeconds(value, s)) return "-b duration: takes a positive number of seconds";
        l.fileSeconds = s;
    } else if (key == "interval") {
        if (!parseSeconds(value, s)) return "-b interval: takes a positive number of seconds";
        l.intervalSeconds = s;
    } else if (key == "files") {
        if (!parseCount(value, n) || n >= kMaxRingFiles) return "-b files: takes a number of files from 1 to 99999";
        l.keepFiles = static_cast<std::uint32_t>(n);
    } else if (key == "packets") {
        if (!parseCount(value, n)) return "-b packets: takes a positive packet count";
        l.filePackets = n;
    } else {
        return "-b " + key + ": is not supported (filesize, duration, interval, files, packets are)";
    }
    o.ring = true;
    return {};
}

std::string applyAutostopOption(const std::string& spec, CliOptions& o)
{
    std::string key, value;
    std::uint64_t n = 0;
    double s = 0;
    if (!split(spec, key, value)) return "-a takes duration:S, filesize:KB, files:N or packets:N, e.g. -a duration:10";
    if (key == "duration") {
        if (!parseSeconds(value, s)) return "-a duration: takes a positive number of seconds";
        o.durationSeconds = s;
    } else if (key == "filesize") {
        if (!parseCount(value, n) || n > kMaxFileKb) return "-a filesize: takes a positive size in kB (1000 bytes), e.g. -a filesize:100000";
        o.stopKilobytes = n;
    } else if (key == "files") {
        if (!parseCount(value, n) || n > UINT32_MAX) return "-a files: takes a positive number of files";
        o.fileLimits.stopFiles = static_cast<std::uint32_t>(n);
    } else if (key == "packets") {
        if (!parseCount(value, n)) return "-a packets: takes a positive packet count";
        o.packetLimit = n;
    } else {
        return "-a " + key + ": is not supported (duration, filesize, files, packets are)";
    }
    return {};
}

std::string applyFlushInterval(const std::string& seconds, CliOptions& o)
{
    double s = 0;
    if (!parseSeconds(seconds, s, true)) return "--flush-interval takes a number of seconds (0: every batch)";
    o.flushIntervalSeconds = s;
    return {};
}

std::string checkLiveFileOptions(const CliOptions& o)
{
    const LiveFileLimits& l = o.fileLimits;
    if (o.interface.empty() && (o.ring || o.stopKilobytes || l.stopFiles))
        return "-b, -a filesize and -a files apply to a live capture (-i) written with -w";
    if ((o.ring || o.stopKilobytes || l.stopFiles) && (o.writeFile.empty() || o.writeFile == "-"))
        return "-b, -a filesize and -a files need -w FILE (a file name, not -)";
    if (o.ring && !l.ring()) return "-b files: needs -b filesize, -b duration, -b interval or -b packets to say when to turn over";
    if (l.stopFiles && !o.ring) return "-a files: needs a ring of files (-b)";
    return {};
}

}  // namespace rcvmon::cli
