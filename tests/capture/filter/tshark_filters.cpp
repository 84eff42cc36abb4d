// SPDX-License-Identifier: GPL-2.0-or-later
#include "tshark_filters.h"

#include "run_process.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace rcvmon::test {
namespace {

// Each filter becomes a Lua long string; pcall keeps an invalid one from stopping the others.
std::string luaScript(const std::vector<std::string>& filters)
{
    std::ostringstream s;
    s << "local filters = {\n";
    for (const std::string& f : filters) s << "  [=====[" << f << "]=====],\n";
    s << "}\n"
         "local hits, errors = {}, {}\n"
         "for i, f in ipairs(filters) do\n"
         "  hits[i] = {}\n"
         "  local ok, l = pcall(Listener.new, nil, f)\n"
         "  if ok then\n"
         "    local list = hits[i]\n"
         "    function l.packet(pinfo) list[#list + 1] = pinfo.number end\n"
         "  else\n"
         "    errors[i] = tostring(l):gsub('[\\r\\n\\t]', ' ')\n"
         "  end\n"
         "end\n"
         "local done = Listener.new()\n"
         "function done.draw()\n"
         "  for i = 1, #filters do\n"
         "    if errors[i] then io.write('E\\t', i, '\\t', errors[i], '\\n')\n"
         "    else io.write('R\\t', i, '\\t', table.concat(hits[i], ','), '\\n') end\n"
         "  end\n"
         "  io.flush()\n"
         "end\n";
    return s.str();
}

}  // namespace

std::vector<std::uint64_t> parseFrameNumbers(const std::string& text)
{
    std::vector<std::uint64_t> out;
    std::uint64_t v = 0;
    bool inNumber = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            v = v * 10 + static_cast<std::uint64_t>(c - '0');
            inNumber = true;
        } else {
            if (inNumber) out.push_back(v);
            v = 0;
            inNumber = false;
        }
    }
    if (inNumber) out.push_back(v);
    return out;
}

bool runTsharkFilters(const std::string& capture, const std::vector<std::string>& filters,
                      std::vector<TsharkFilterResult>& out, std::string& error)
{
    char path[] = "/tmp/rcvmon-filters-XXXXXX.lua";
    const int fd = mkstemps(path, 4);
    if (fd < 0) {
        error = "cannot create a Lua script in /tmp";
        return false;
    }
    close(fd);
    std::ofstream(path) << luaScript(filters);
    const auto run = runProcess("tshark -q -r " + shellQuote(capture) + " -X lua_script:" + shellQuote(path));
    fs::remove(path);
    out.assign(filters.size(), TsharkFilterResult{});
    std::vector<bool> seen(filters.size(), false);
    std::istringstream lines(run.out);
    std::string line;
    while (std::getline(lines, line)) {
        const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
        if (line.size() < 2 || t1 != 1 || t2 == std::string::npos) continue;
        const std::size_t index = std::stoul(line.substr(2, t2 - 2)) - 1;
        if (index >= filters.size()) continue;
        seen[index] = true;
        if (line[0] == 'R') {
            out[index].valid = true;
            out[index].frames = parseFrameNumbers(line.substr(t2 + 1));
        } else {
            out[index].error = line.substr(t2 + 1);
        }
    }
    for (std::size_t i = 0; i < filters.size(); ++i) {
        if (!seen[i]) {
            error = "tshark gave no result for filter " + std::to_string(i + 1) + " on " + capture +
                    " (exit " + std::to_string(run.exitCode) + "): " + run.err;
            return false;
        }
    }
    return true;
}

bool runTsharkDisplayFilter(const std::string& capture, const std::string& filter, const std::string& fields,
                            std::string& output, std::string& error)
{
    const auto run = runProcess("tshark -r " + shellQuote(capture) + " -Y " + shellQuote(filter) + " -T fields " + fields);
    output = run.out;
    if (run.exitCode != 0) error = run.err;
    return run.exitCode == 0;
}

bool writeNanosecondPcap(const std::string& path, std::uint32_t linkType, const std::vector<PcapFrame>& frames)
{
    std::ofstream f(path, std::ios::binary);
    auto u32 = [&](std::uint32_t v) { f.write(reinterpret_cast<const char*>(&v), 4); };
    auto u16 = [&](std::uint16_t v) { f.write(reinterpret_cast<const char*>(&v), 2); };
    u32(0xa1b23c4d);  // nanosecond pcap, host byte order
    u16(2);
    u16(4);
    u32(0);
    u32(0);
    u32(262144);
    u32(linkType);
    for (const PcapFrame& p : frames) {
        u32(static_cast<std::uint32_t>(p.sec));
        u32(p.nsec);
        u32(static_cast<std::uint32_t>(p.bytes.size()));
        u32(static_cast<std::uint32_t>(p.bytes.size()));
        f.write(reinterpret_cast<const char*>(p.bytes.data()), static_cast<std::streamsize>(p.bytes.size()));
    }
    return static_cast<bool>(f);
}

}  // namespace rcvmon::test
