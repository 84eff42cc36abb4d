// SPDX-License-Identifier: GPL-2.0-or-later
// Runs many display filters over one capture in a single tshark pass: one Lua tap
// listener per filter (tap filters are compiled and evaluated by the same display-filter
// engine as -Y, on the same single pass). tshark starts in ~0.3 s, so one run per file
// instead of one per filter keeps the reference test within its time budget; the test
// checks a sample of the results against plain `tshark -Y`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rcvmon::test {

struct TsharkFilterResult {
    bool valid = false;
    std::string error;                  // tshark's message when !valid
    std::vector<std::uint64_t> frames;  // frame numbers that pass, ascending
};

// false (and error) when tshark could not be run at all. `tapped`: the frames tshark's tap
// system reported at all — it drops a frame whose ICMP error quote ended in an exception
// (the frame tap is never queued), though `tshark -Y` still shows that frame.
bool runTsharkFilters(const std::string& capture, const std::vector<std::string>& filters,
                      std::vector<TsharkFilterResult>& out, std::string& error,
                      std::vector<std::uint64_t>* tapped = nullptr);

// `tshark -r capture -Y filter -T fields -e FIELD...`: one line per passing frame.
bool runTsharkDisplayFilter(const std::string& capture, const std::string& filter, const std::string& fields,
                            std::string& output, std::string& error);

// Runs a program without a shell (posix_spawn), collecting standard output and error;
// cheaper than runProcess when a test starts it thousands of times. Returns the exit status.
int runProgram(const std::vector<std::string>& argv, std::string& out, std::string& err);

// Splits "1\n2\n3\n" into numbers.
std::vector<std::uint64_t> parseFrameNumbers(const std::string& text);

// Writes frames as a nanosecond-resolution pcap in host byte order.
struct PcapFrame {
    std::vector<std::uint8_t> bytes;
    std::int64_t sec = 0;
    std::uint32_t nsec = 0;
};
bool writeNanosecondPcap(const std::string& path, std::uint32_t linkType, const std::vector<PcapFrame>& frames);

}  // namespace rcvmon::test
