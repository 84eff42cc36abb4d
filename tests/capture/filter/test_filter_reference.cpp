// SPDX-License-Identifier: GPL-2.0-or-later
// The reference test of the display filter: for every filter in reference_filters.txt and
// every corpus capture, the frame numbers `rcvmon-cli -r F -Y FILTER -T fields -e
// frame.number` prints equal the frames tshark 4.0 passes. The quick path (what -w export
// and the GUI use) is run in-process over the same matrix. Per filter, one capture is also
// exported with -w and compared frame by frame, and tshark's Lua-listener answers are
// checked against plain `tshark -Y`. Mismatches listed in reference_gaps.txt (a dissector
// difference, with its reason) are reported, not failed; a listed gap that no longer
// occurs fails, so the list stays true.
#include "file/capture_file_reader.h"
#include "filter/display_filter.h"
#include "filter/packet_matcher.h"
#include "require.h"
#include "run_process.h"
#include "tshark_filters.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace rcvmon {
namespace {

using namespace rcvmon::test;
using Frames = std::vector<std::uint64_t>;

struct ListedFilter {
    std::string text;
    bool excluded = false;
    std::string reason;
};

std::vector<ListedFilter> readFilterList(const std::string& path)
{
    std::vector<ListedFilter> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        ListedFilter f;
        if (line[0] == '!') {
            const auto bar = line.find(" | ");
            f.excluded = true;
            f.text = line.substr(2, bar == std::string::npos ? std::string::npos : bar - 2);
            f.reason = bar == std::string::npos ? "(no reason given)" : line.substr(bar + 3);
        } else {
            f.text = line;
        }
        out.push_back(f);
    }
    return out;
}

struct Gap {
    std::string capture, filter, reason;
    bool seen = false;
};

std::vector<Gap> readGaps(const std::string& path)
{
    std::vector<Gap> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
        if (t2 == std::string::npos) continue;
        out.push_back(Gap{line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1)});
    }
    return out;
}

// The quick path over a whole file, in order, as `rcvmon-cli -Y X -w` runs it.
Frames quickPathFrames(const std::string& capture, const DisplayFilter& filter)
{
    Frames out;
    std::string error;
    auto reader = CaptureFileReader::open(capture, error);
    if (!reader) return out;
    Dissector dissector;
    Dissection dissection;
    SequentialMatcher matcher(filter, dissector, dissection, false);
    FrameRef frame;
    std::uint64_t number = 0;
    while (reader->next(frame))
        if (matcher.matches(frame, ++number)) out.push_back(number);
    return out;
}

struct FileResult {
    std::string capture;
    std::vector<TsharkFilterResult> tshark;
    std::vector<Frames> cli, quick;
    std::vector<std::string> cliErrors;
    std::string error;
};

std::string show(const Frames& f)
{
    std::string s;
    for (std::size_t i = 0; i < f.size() && i < 12; ++i) {
        if (i) s.push_back(',');
        s.append(std::to_string(f[i]));
    }
    if (f.size() > 12) s.append(",... (").append(std::to_string(f.size())).append(")");
    return s.empty() ? "none" : s;
}

TEST(FilterReference, RcvmonPassesTheFramesTsharkPasses)
{
    const fs::path corpus = fs::path(RCVMON_CORPUS_DIR) / "public";
    RCVMON_REQUIRE(fs::exists(corpus), rcvmon::test::corpusWhat());
    RCVMON_REQUIRE(haveProgram("tshark"), rcvmon::test::toolWhat("tshark"));
    const auto start = std::chrono::steady_clock::now();

    std::vector<std::string> filters;
    std::vector<DisplayFilter> compiled;
    for (const ListedFilter& f : readFilterList(RCVMON_FILTER_LIST)) {
        if (f.excluded) {
            std::cout << "excluded: " << f.text << " -- " << f.reason << "\n";
            continue;
        }
        FilterError error;
        auto c = DisplayFilter::compile(f.text, error);
        if (!c) {
            ADD_FAILURE() << "RcvMon does not compile a listed filter: " << error.describe(f.text);
            continue;
        }
        filters.push_back(f.text);
        compiled.push_back(std::move(*c));
    }
    ASSERT_GE(filters.size(), 25u);

    std::vector<std::string> captures;
    for (const auto& e : fs::directory_iterator(corpus)) {
        const std::string ext = e.path().extension().string();
        if (ext == ".pcap" || ext == ".pcapng") captures.push_back(e.path().string());
    }
    std::sort(captures.begin(), captures.end());
    ASSERT_GE(captures.size(), 40u);

    // Two workers: tshark's start-up dominates, and the machine has two cores.
    std::vector<FileResult> results(captures.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next++) < captures.size();) {
            FileResult& r = results[i];
            r.capture = captures[i];
            if (!runTsharkFilters(r.capture, filters, r.tshark, r.error)) continue;
            for (std::size_t k = 0; k < filters.size(); ++k) {
                std::string out, err;
                const int status = runProgram({RCVMON_CLI_PATH, "-r", r.capture, "-Y", filters[k], "-T", "fields", "-e",
                                               "frame.number"},
                                              out, err);
                r.cli.push_back(parseFrameNumbers(out));
                r.cliErrors.push_back(status == 0 ? std::string() : "exit " + std::to_string(status) + ": " + err);
                r.quick.push_back(quickPathFrames(r.capture, compiled[k]));
            }
        }
    };
    std::thread helper(work);
    work();
    helper.join();

    std::vector<Gap> gaps = readGaps(RCVMON_FILTER_GAPS);
    std::vector<std::size_t> tsharkTotal(filters.size()), cliTotal(filters.size()), mismatchedFiles(filters.size());
    std::vector<std::size_t> bestFile(filters.size(), 0);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const FileResult& r = results[i];
        const std::string name = fs::path(r.capture).filename().string();
        ASSERT_TRUE(r.error.empty()) << r.error;
        for (std::size_t k = 0; k < filters.size(); ++k) {
            SCOPED_TRACE(name + " -Y \"" + filters[k] + "\"");
            ASSERT_TRUE(r.tshark[k].valid) << r.tshark[k].error;
            const Frames& expected = r.tshark[k].frames;
            tsharkTotal[k] += expected.size();
            cliTotal[k] += r.cli[k].size();
            if (expected.size() > results[bestFile[k]].tshark[k].frames.size()) bestFile[k] = i;
            EXPECT_TRUE(r.cliErrors[k].empty()) << r.cliErrors[k];
            const bool cliOk = r.cli[k] == expected, quickOk = r.quick[k] == expected;
            const auto gap = std::find_if(gaps.begin(), gaps.end(),
                                          [&](const Gap& g) { return g.capture == name && g.filter == filters[k]; });
            if (gap != gaps.end()) {
                gap->seen = !(cliOk && quickOk);
                std::cout << "known gap: " << name << " -Y \"" << filters[k] << "\": tshark " << show(expected)
                          << ", rcvmon-cli " << show(r.cli[k]) << " -- " << gap->reason << "\n";
                continue;
            }
            EXPECT_TRUE(cliOk) << "tshark: " << show(expected) << "\nrcvmon-cli: " << show(r.cli[k]);
            EXPECT_TRUE(quickOk) << "tshark: " << show(expected) << "\nquick path: " << show(r.quick[k]);
            mismatchedFiles[k] += !(cliOk && quickOk);
        }
    }

    for (const Gap& g : gaps)
        if (!g.seen) ADD_FAILURE() << "listed gap no longer occurs: " << g.capture << " -Y \"" << g.filter << "\"";

    // Plain `tshark -Y` agrees with the Lua listeners (every third filter, on the smallest capture
    // where it passes something: the equivalence is tshark's, a sample shows it), and for every
    // filter `rcvmon-cli -Y X -w` on the capture where it passes most exports exactly those
    // frames (read back and compared byte for byte).
    const fs::path dir = fs::temp_directory_path() / ("rcvmon-filter-ref-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::vector<std::size_t> smallFile(filters.size(), 0);
    for (std::size_t k = 0; k < filters.size(); ++k) {
        auto size = [&](std::size_t i) { return fs::file_size(results[i].capture); };
        for (std::size_t i = 0; i < results.size(); ++i) {
            const bool passes = !results[i].tshark[k].frames.empty(), best = !results[smallFile[k]].tshark[k].frames.empty();
            if ((passes && !best) || (passes == best && size(i) < size(smallFile[k]))) smallFile[k] = i;
        }
    }
    struct Check {
        Frames direct;
        std::string error;
    };
    std::vector<Check> checks(filters.size());
    next = 0;
    auto checkWork = [&] {
        for (std::size_t k; (k = next++) < filters.size();) {
            Check& c = checks[k];
            std::string direct;
            if (k % 3 == 0) {
                if (!runTsharkDisplayFilter(results[smallFile[k]].capture, filters[k], "-e frame.number", direct, c.error))
                    continue;
                c.direct = parseFrameNumbers(direct);
            }
            const fs::path out = dir / ("export-" + std::to_string(k) + ".pcapng");
            const auto exported = runProcess(shellQuote(RCVMON_CLI_PATH) + " -r " + shellQuote(results[bestFile[k]].capture) +
                                             " -Y " + shellQuote(filters[k]) + " -w " + shellQuote(out.string()));
            if (exported.exitCode != 0) c.error = "rcvmon-cli -w failed: " + exported.err;
        }
    };
    std::thread checkHelper(checkWork);
    checkWork();
    checkHelper.join();
    for (std::size_t k = 0; k < filters.size(); ++k) {
        SCOPED_TRACE("-Y \"" + filters[k] + "\"");
        ASSERT_TRUE(checks[k].error.empty()) << checks[k].error;
        if (k % 3 == 0) {
            EXPECT_EQ(checks[k].direct, results[smallFile[k]].tshark[k].frames)
                << "tshark -Y and its Lua listener disagree on " << results[smallFile[k]].capture;
        }
        const FileResult& r = results[bestFile[k]];
        std::string error;
        auto original = CaptureFileReader::open(r.capture, error);
        auto exported = CaptureFileReader::open((dir / ("export-" + std::to_string(k) + ".pcapng")).string(), error);
        ASSERT_TRUE(original && exported) << error;
        FrameRef a, b;
        std::uint64_t number = 0;
        std::size_t matched = 0;
        for (const std::uint64_t wanted : r.tshark[k].frames) {
            while (number < wanted && original->next(a)) ++number;
            ASSERT_EQ(number, wanted);
            ASSERT_TRUE(exported->next(b)) << "the export of " << r.capture << " ends before frame " << wanted;
            const bool same = a.ts == b.ts && a.originalLength == b.originalLength && a.linkType == b.linkType &&
                              std::equal(a.data.begin(), a.data.end(), b.data.begin(), b.data.end());
            EXPECT_TRUE(same) << "exported frame " << matched + 1 << " is not frame " << wanted << " of " << r.capture;
            ++matched;
        }
        EXPECT_FALSE(exported->next(b)) << "the export of " << r.capture << " holds more frames than tshark passes";
    }
    fs::remove_all(dir);

    std::cout << "display filter vs tshark 4.0 over " << captures.size() << " captures (frames passed, all files):\n";
    for (std::size_t k = 0; k < filters.size(); ++k)
        std::cout << "  " << std::setw(7) << tsharkTotal[k] << " tshark " << std::setw(7) << cliTotal[k] << " rcvmon"
                  << (mismatchedFiles[k] ? "  MISMATCH in " + std::to_string(mismatchedFiles[k]) + " file(s)" : "")
                  << "  " << filters[k] << "\n";
    std::cout << "took " << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count()
              << " s\n";
}

}  // namespace
}  // namespace rcvmon
