// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Runs the independent readers (tshark, capinfos) and libpcap for the Linux-only tests.

#include "file_test_util.h"

#include <pcap/pcap.h>

#include <cstdio>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace rcvmon::test {

struct CommandResult {
    int status = -1;
    std::string out;
};

inline std::string shellQuote(const std::string& s)
{
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline CommandResult runCommand(const std::string& command)
{
    CommandResult r;
    std::FILE* p = popen((command + " 2>/dev/null").c_str(), "r");
    if (!p) return r;
    char buffer[65536];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, p)) > 0) r.out.append(buffer, n);
    r.status = pclose(p);
    return r;
}

inline bool onPath(const std::string& tool) { return runCommand("command -v " + tool).status == 0; }

inline std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

inline std::vector<std::string> splitTabs(const std::string& line)
{
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) return cells;
        start = tab + 1;
    }
}

// frame.time_epoch as tshark 4.0 prints it: seconds, a dot, nanoseconds in at least 9 digits
// (an out-of-range 1000000000 prints all 10).
inline std::string epochText(Timestamp ts)
{
    char text[48];
    std::snprintf(text, sizeof text, "%lld.%09u", static_cast<long long>(ts.sec), ts.nsec);
    return text;
}

// Nanoseconds since the epoch from tshark's text ("1418145370.1000000000" is 1418145371 s).
inline long long epochNanoseconds(const std::string& text)
{
    const std::size_t dot = text.find('.');
    if (dot == std::string::npos) return std::stoll(text) * 1000000000LL;
    return std::stoll(text.substr(0, dot)) * 1000000000LL + std::stoll(text.substr(dot + 1));
}

// What tshark reads from a file: per frame the epoch text, lengths, interface and raw bytes.
struct TsharkFrame {
    std::string epoch;
    std::uint32_t len = 0;
    std::uint32_t capLen = 0;
    std::uint32_t interfaceId = 0;
    std::string direction;  // frame.packet_flags_direction, when present
    std::vector<std::uint8_t> bytes;
};

inline std::string jsonValue(const std::string& line)
{
    const std::size_t colon = line.find("\": \"");
    if (colon == std::string::npos) return {};
    const std::size_t start = colon + 4;
    return line.substr(start, line.find('"', start) - start);
}

inline std::optional<std::vector<TsharkFrame>> tsharkFrames(const std::string& path)
{
    const CommandResult r = runCommand("tshark -n -r " + shellQuote(path) + " -T json -x -j frame");
    if (r.status != 0) return std::nullopt;
    std::vector<TsharkFrame> frames;
    const auto lines = splitLines(r.out);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (line.find("\"_index\"") != std::string::npos) frames.emplace_back();
        if (frames.empty()) continue;
        TsharkFrame& f = frames.back();
        if (line.find("\"frame_raw\": [") != std::string::npos && i + 1 < lines.size()) {
            const std::string& hexLine = lines[i + 1];
            const std::size_t q = hexLine.find('"');
            const std::string hex = hexLine.substr(q + 1, hexLine.find('"', q + 1) - q - 1);
            for (std::size_t k = 0; k + 1 < hex.size(); k += 2)
                f.bytes.push_back(static_cast<std::uint8_t>(std::stoi(hex.substr(k, 2), nullptr, 16)));
        }
        if (line.find("\"frame.time_epoch\": \"") != std::string::npos) f.epoch = jsonValue(line);
        if (line.find("\"frame.len\": \"") != std::string::npos) f.len = static_cast<std::uint32_t>(std::stoul(jsonValue(line)));
        if (line.find("\"frame.cap_len\": \"") != std::string::npos) f.capLen = static_cast<std::uint32_t>(std::stoul(jsonValue(line)));
        if (line.find("\"frame.interface_id\": \"") != std::string::npos)
            f.interfaceId = static_cast<std::uint32_t>(std::stoul(jsonValue(line)));
        if (line.find("\"frame.packet_flags_direction\": \"") != std::string::npos) f.direction = jsonValue(line);
    }
    return frames;
}

// libpcap's view: frames with nanosecond time stamps, or the reason it refused the file.
struct LibpcapResult {
    std::vector<OwnedFrame> frames;
    int datalink = -1;
    std::string error;
};

inline LibpcapResult libpcapFrames(const std::string& path)
{
    LibpcapResult r;
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t* p = pcap_open_offline_with_tstamp_precision(path.c_str(), PCAP_TSTAMP_PRECISION_NANO, errbuf);
    if (!p) {
        r.error = errbuf;
        return r;
    }
    r.datalink = pcap_datalink(p);
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    int rc;
    while ((rc = pcap_next_ex(p, &header, &data)) == 1) {
        OwnedFrame f;
        f.ts = Timestamp{static_cast<std::int64_t>(header->ts.tv_sec), static_cast<std::uint32_t>(header->ts.tv_usec)};
        f.capturedLength = header->caplen;
        f.originalLength = header->len;
        f.bytes.assign(data, data + header->caplen);
        r.frames.push_back(std::move(f));
    }
    if (rc == -1) r.error = pcap_geterr(p);
    pcap_close(p);
    return r;
}

// The source tsv's rows (tshark 4.0's own reading of a corpus file), by column name.
struct Tsv {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::size_t column(const std::string& name) const
    {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return i;
        return header.size();
    }
};

inline std::optional<Tsv> readTsv(const std::string& path)
{
    const auto bytes = readFileBytes(path);
    if (bytes.empty()) return std::nullopt;
    const auto lines = splitLines(std::string(bytes.begin(), bytes.end()));
    Tsv tsv;
    tsv.header = splitTabs(lines.at(0));
    for (std::size_t i = 1; i < lines.size(); ++i)
        if (!lines[i].empty()) tsv.rows.push_back(splitTabs(lines[i]));
    return tsv;
}

}  // namespace rcvmon::test
