// SPDX-License-Identifier: GPL-2.0-or-later
#include "tshark_filters.h"

#include "run_process.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

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
         "local done, tapped = Listener.new(), {}\n"
         "function done.packet(pinfo) tapped[#tapped + 1] = pinfo.number end\n"
         "function done.draw()\n"
         "  io.write('T\\t0\\t', table.concat(tapped, ','), '\\n')\n"
         "  for i = 1, #filters do\n"
         "    if errors[i] then io.write('E\\t', i, '\\t', errors[i], '\\n')\n"
         "    else io.write('R\\t', i, '\\t', table.concat(hits[i], ','), '\\n') end\n"
         "  end\n"
         "  io.flush()\n"
         "end\n";
    return s.str();
}

}  // namespace

int runProgram(const std::vector<std::string>& argv, std::string& out, std::string& err)
{
    int outPipe[2], errPipe[2];
    if (pipe(outPipe) != 0) return -1;
    if (pipe(errPipe) != 0) {
        close(outPipe[0]);
        close(outPipe[1]);
        return -1;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
    posix_spawn_file_actions_addclose(&actions, outPipe[0]);
    posix_spawn_file_actions_addclose(&actions, errPipe[0]);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(outPipe[1]);
    close(errPipe[1]);
    // Read both pipes until both close, so neither can fill up and stall the child.
    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&out, &err};
    int openPipes = 2;
    char buffer[65536];
    while (spawned == 0 && openPipes > 0 && poll(fds, 2, -1) > 0) {
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else {
                fds[i].fd = -1;
                --openPipes;
            }
        }
    }
    close(outPipe[0]);
    close(errPipe[0]);
    if (spawned != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

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
                      std::vector<TsharkFilterResult>& out, std::string& error, std::vector<std::uint64_t>* tapped)
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
        if (line[0] == 'T') {
            if (tapped) *tapped = parseFrameNumbers(line.substr(t2 + 1));
            continue;
        }
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
