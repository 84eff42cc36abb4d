// SPDX-License-Identifier: GPL-2.0-or-later
#include "cli_options.h"

#include "live_file_options.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace rcvmon::cli {
namespace {

bool parseUnsigned(const std::string& text, std::uint64_t& out)
{
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc{} && ptr == end && !text.empty();
}

// -E takes key=value pairs as tshark does: header=y|n, separator=/t|/s|<char>.
std::string applyFieldOption(const std::string& spec, CliOptions& o)
{
    const auto eq = spec.find('=');
    if (eq == std::string::npos) return "-E expects key=value, got '" + spec + "'";
    const std::string key = spec.substr(0, eq);
    const std::string value = spec.substr(eq + 1);
    if (key == "header") {
        if (value != "y" && value != "n") return "-E header= takes y or n";
        o.header = value == "y";
    } else if (key == "separator") {
        if (value == "/t") o.separator = '\t';
        else if (value == "/s") o.separator = ' ';
        else if (value.size() == 1) o.separator = value[0];
        else return "-E separator= takes /t, /s or one character";
    } else if (key == "occurrence") {
        if (value != "f" && value != "l" && value != "a") return "-E occurrence= takes f, l or a";
        o.occurrence = value[0];
    } else if (key == "aggregator") {
        if (value == "/s") o.aggregator = " ";
        else if (value.empty()) return "-E aggregator= needs a separator";
        else o.aggregator = value;
    } else {
        return "-E " + key + "= is not supported (header, separator, occurrence, aggregator are)";
    }
    return {};
}

}  // namespace

ParseResult parseCommandLine(const std::vector<std::string>& args)
{
    ParseResult result;
    CliOptions& o = result.options;
    auto fail = [&](std::string message) {
        result.error = std::move(message);
        return result;
    };

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        // Flags that take a value accept it as the next argument.
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (arg == "-h" || arg == "--help") o.help = true;
        else if (arg == "-v" || arg == "--version") o.version = true;
        else if (arg == "-D") o.listInterfaces = true;
        else if (arg == "-G") { if (!value(o.glossary)) return fail("-G needs fields or protocols"); }
        else if (arg == "--bench") o.bench = true;
        else if (arg == "-q") o.quiet = true;
        else if (arg == "-V") o.verbose = true;
        else if (arg == "-O") {
            if (!value(v) || v.empty()) return fail("-O needs protocols, e.g. -O ip,tcp");
            for (std::size_t start = 0; start < v.size();) {
                const std::size_t comma = std::min(v.find(',', start), v.size());
                if (comma > start) o.expanded.push_back(v.substr(start, comma - start));
                start = comma + 1;
            }
        }
        else if (arg == "--all-protocols") o.allProtocols = true;
        else if (arg == "--no-reassembly") o.reassemble = false;
        else if (arg == "-r") { if (!value(o.readFile)) return fail("-r needs a file name"); }
        else if (arg == "-i") { if (!value(v)) return fail("-i needs an interface name"); addInterface(o, v); }
        else if (arg == "-f") { if (!value(v)) return fail("-f needs a capture filter"); applyFilterOption(o, v); }
        else if (arg == "--ssh-option") { if (!value(v)) return fail("--ssh-option needs an ssh option, e.g. Port=2222"); o.sshOptions.push_back(v); }
        else if (arg == "--remote-cli") { if (!value(o.remoteCli) || o.remoteCli.empty()) return fail("--remote-cli needs a program path"); }
        else if (arg == "--control-stdin") o.controlStdin = true;
        else if (arg == "-Y") { if (!value(o.displayFilter)) return fail("-Y needs a display filter"); }
        else if (arg == "--select") { if (!value(o.selection)) return fail("--select needs frame numbers, e.g. 1-10,15"); }
        else if (arg == "-w") { if (!value(o.writeFile)) return fail("-w needs a file name (or - for stdout)"); }
        else if (arg == "-z") {
            if (!value(v)) return fail("-z needs a statistic, e.g. -z conv,ip");
            o.statistics.push_back(v);
        } else if (arg == "-e") {
            if (!value(v)) return fail("-e needs a field name");
            o.fields.push_back(v);
        } else if (arg == "-E") {
            if (!value(v)) return fail("-E needs key=value");
            if (auto err = applyFieldOption(v, o); !err.empty()) return fail(err);
        } else if (arg == "-m") {
            if (!value(v)) return fail("-m needs a mode: on or iplevel");
            auto mode = parseCaptureMode(v);
            if (!mode || *mode == CaptureMode::Off) return fail("-m takes on or iplevel, not '" + v + "'");
            applyModeOption(o, *mode);
        } else if (arg == "-c") {
            std::uint64_t n = 0;
            if (!value(v) || !parseUnsigned(v, n) || n == 0) return fail("-c needs a positive packet count");
            o.packetLimit = n;
        } else if (arg == "-a") {
            if (!value(v)) return fail("-a takes duration:S, filesize:KB, files:N or packets:N, e.g. -a duration:10");
            if (auto err = applyAutostopOption(v, o); !err.empty()) return fail(err);
        } else if (arg == "-b") {
            if (!value(v)) return fail("-b takes KEY:VALUE, e.g. -b filesize:100000 -b files:10");
            if (auto err = applyRingOption(v, o); !err.empty()) return fail(err);
        } else if (arg == "-U") {
            o.flushEachPacket = true;
        } else if (arg == "--flush-interval") {
            if (!value(v)) return fail("--flush-interval needs a number of seconds");
            if (auto err = applyFlushInterval(v, o); !err.empty()) return fail(err);
        } else if (arg == "-N") {
            if (!value(v) || v.empty()) return fail("-N needs letters, e.g. -N mnd (m MAC, n network, t transport, d captured DNS, N external)");
            std::string error;
            auto flags = names::parseResolutionFlags(v, error);
            if (!flags) return fail(error);
            o.resolution = *flags;
        } else if (arg == "-n") {
            o.resolution = {};
        } else if (arg == "-T") {
            if (!value(v)) return fail("-T needs fields, tsv or json");
            if (v == "fields") o.output = OutputFormat::Fields;
            else if (v == "tsv") o.output = OutputFormat::Tsv;
            else if (v == "json") o.output = OutputFormat::Json;
            else return fail("-T takes fields, tsv or json, not '" + v + "'");
        } else if (arg == "-F") {
            if (!value(v)) return fail("-F needs pcapng or pcap");
            if (v == "pcapng") o.writeFormat = WriteFormat::PcapNg;
            else if (v == "pcap") o.writeFormat = WriteFormat::Pcap;
            else return fail("-F takes pcapng or pcap, not '" + v + "'");
        } else {
            return fail("unknown option '" + arg + "'");
        }
    }

    if (o.help || o.version || !o.glossary.empty()) return result;
    const int sources = int(!o.readFile.empty()) + int(!o.interface.empty()) + int(o.listInterfaces);
    if (sources == 0) return fail("nothing to do: give -r FILE, -i IFACE or -D");
    if (sources > 1) return fail("-r, -i and -D exclude each other");
    if (o.output == OutputFormat::Fields && o.fields.empty()) return fail("-T fields needs at least one -e FIELD");
    if (o.output != OutputFormat::Fields && !o.fields.empty()) return fail("-e is used with -T fields");
    if (o.bench && o.readFile.empty()) return fail("--bench needs -r FILE");
    if (!o.expanded.empty()) o.verbose = true;  // -O implies the detail view, as in tshark
    if (o.verbose && o.output != OutputFormat::Summary) return fail("-V and -O print the detail tree, not -T output");
    if (!o.selection.empty() && o.readFile.empty()) return fail("--select works on a file read with -r");
    if (!o.statistics.empty() && o.readFile.empty()) return fail("-z works on a file read with -r");
    const bool live = !o.interface.empty();
    if (!live && (o.packetLimit || o.durationSeconds || !o.captureFilter.empty() || o.allProtocols))
        return fail("-c, -a, -f and --all-protocols apply to a live capture (-i)");
    if (auto err = checkInterfaceSpecs(o); !err.empty()) return fail(err);
    if (auto err = checkLiveFileOptions(o); !err.empty()) return fail(err);
    return result;
}

const char* usageText()
{
    return "Usage:\n"
           "  rcvmon-cli -D                                   list interfaces\n"
           "  rcvmon-cli -i IFACE [-m on|iplevel] [-f BPF] [-i IFACE [-m ...] [-f ...] ...] [-c N] [-a duration:S]\n"
           "             [--all-protocols] [-w FILE|-] [-F pcapng|pcap] [-U] [--flush-interval S]\n"
           "             [-b filesize:KB|duration:S|interval:S|files:N|packets:N ...]\n"
           "             [-a filesize:KB|files:N|packets:N]\n"
           "  rcvmon-cli -r FILE [-Y FILTER] [--select 1-10,15] [-w OUT] [-F pcapng|pcap]\n"
           "  rcvmon-cli -r FILE -T fields -e FIELD [-e FIELD ...] [-E header=y] [-E separator=/t]\n"
           "             [-E occurrence=f|l|a] [-E aggregator=,]\n"
           "  rcvmon-cli -G fields|protocols                  the fields and protocols RcvMon knows\n"
           "  rcvmon-cli -r FILE -T json | -T tsv\n"
           "  rcvmon-cli -r FILE -V [-O proto,proto]          the detail tree (as the window shows it)\n"
           "  rcvmon-cli -r FILE -q -z conv,ip|endpoints,ip|io,phs|follow,tcp,ascii,0|expert [-z ...]\n"
           "  rcvmon-cli -r FILE -q -z io,stat,INTERVAL[,FILTER|SUM(FIELD)FILTER|COUNT|MIN|MAX|AVG|LOAD(..)..]\n"
           "  rcvmon-cli --bench -r FILE\n"
           "  -N mntdN     name resolution, as tshark: m MAC vendors, n host names, t port names,\n"
           "               d host names from the capture's DNS answers, N the system resolver (network!);\n"
           "               -n (the default) resolves nothing\n"
           "Options:\n"
           "  -m on        promiscuous (RCVALL_ON);  -m iplevel  IP level (RCVALL_IPLEVEL, default)\n"
           "  --no-reassembly   dissect each packet alone (no IP defragmentation)\n"
           "  -w FILE (live)    written in place and flushed at least every --flush-interval (1 s);\n"
           "                    -U writes each packet at once; -b writes dumpcap's ring of files\n"
           "                    FILE_00001_YYYYMMDDhhmmss.EXT, ...\n"
           "  -i A -i B    one capture of several interfaces, merged by time (one pcapng interface each);\n"
           "               -m and -f after an -i apply to it alone, before the first -i to all\n"
           "  -i ssh://[user@]host[:port]/IFACE   a remote interface over OpenSSH (your ssh config,\n"
           "               keys, agent; BatchMode): runs rcvmon-cli there (--remote-cli PATH),\n"
           "               or tcpdump at IP level; --ssh-option OPT passes -o OPT to ssh\n"
           "  --control-stdin   lines \"mode on|iplevel|off\" on stdin switch the mode; its end stops\n"
           "Exit status: 0 success, 1 runtime failure, 2 bad usage.\n";
}

}  // namespace rcvmon::cli
