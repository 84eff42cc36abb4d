// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"
#include "interface_specs.h"
#include "file/live_file_limits.h"
#include "names/resolution_flags.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rcvmon::cli {

enum class OutputFormat : std::uint8_t { Summary, Fields, Tsv, Json };
enum class WriteFormat : std::uint8_t { PcapNg, Pcap };

// rcvmon-cli's command line, with tshark's flag letters (DESIGN.md).
struct CliOptions {
    bool help = false;
    bool version = false;
    bool listInterfaces = false;   // -D
    std::string glossary;          // -G fields|protocols
    bool bench = false;            // --bench
    bool quiet = false;            // -q: no per-packet output (with -z, only the statistics)

    std::string readFile;          // -r FILE ("-" = stdin)
    std::string interface;         // -i IFACE: the first one
    std::vector<InterfaceSpec> interfaces;  // every -i, with its own -m / -f (interface_specs.h)
    std::vector<std::string> sshOptions;    // --ssh-option OPT: passed to ssh as -o OPT
    std::string remoteCli = "rcvmon-cli";   // --remote-cli PATH: what ssh:// runs at the far end
    bool controlStdin = false;              // --control-stdin: mode lines on stdin, EOF stops
    CaptureMode mode = CaptureMode::IpLevel;  // -m on|iplevel: the first interface's
    CaptureMode defaultMode = CaptureMode::IpLevel;  // -m before any -i: every interface's default
    std::optional<std::uint64_t> packetLimit;  // -c N
    std::optional<double> durationSeconds;     // -a duration:S
    std::string captureFilter;     // -f BPF: the first interface's
    std::string defaultFilter;     // -f before any -i: every interface's default
    bool allProtocols = false;     // --all-protocols

    std::string displayFilter;     // -Y FILTER
    std::vector<std::string> statistics;  // -z conv,ip / endpoints,ip / io,phs (tshark's names)
    std::string selection;         // --select 1-10,15
    bool reassemble = true;        // --no-reassembly turns it off

    names::ResolutionFlags resolution;            // -N mntdN (nothing resolved by default, as tshark -n)

    OutputFormat output = OutputFormat::Summary;  // -T
    std::vector<std::string> fields;              // -e
    bool verbose = false;                         // -V: the detail tree
    std::vector<std::string> expanded;            // -O proto,proto: expand only these
    bool header = false;                          // -E header=y
    char separator = '\t';                        // -E separator=/t|/s|c
    char occurrence = 'a';                        // -E occurrence=f|l|a
    std::string aggregator = ",";                 // -E aggregator=,|/s|c

    std::string writeFile;                        // -w FILE ("-" = stdout)
    WriteFormat writeFormat = WriteFormat::PcapNg;  // -F

    // A live capture's -w file: dumpcap's ring (-b) and autostop (-a filesize, -a files).
    LiveFileLimits fileLimits;
    bool ring = false;                   // any -b given
    std::uint64_t stopKilobytes = 0;     // -a filesize:KB (with -b it turns files over, as dumpcap)
    double flushIntervalSeconds = 1;     // --flush-interval: longest a taken packet waits to be written
    bool flushEachPacket = false;        // -U: each packet written as it is taken (tcpdump's -U)
};

struct ParseResult {
    CliOptions options;
    std::string error;  // non-empty: bad usage, exit status 2
};

ParseResult parseCommandLine(const std::vector<std::string>& args);
const char* usageText();

}  // namespace rcvmon::cli
