// SPDX-License-Identifier: GPL-2.0-or-later
// Reference test over the whole corpus (public/ and large/): the Protocol and Info columns and
// the deep fields against tshark 4.0's, per protocol. large/ grows between sessions, so the
// gate is on agreement rates, never on files: column_floors.tsv holds the rate each measure
// and each protocol reached, and a rate that falls more than kTolerance below its floor
// fails. Floors only go up: RCVMON_WRITE_FLOORS=FILE writes the rates measured now.
#include "column_agreement.h"
#include "require.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rcvmon::test {
namespace {

namespace fs = std::filesystem;

// Room for captures added to large/ that RcvMon was never tuned to.
constexpr double kTolerance = 0.01;
// Protocols with fewer rows than this are listed but get no floor of their own.
constexpr std::size_t kFloorMinimumRows = 50;

struct Floor {
    std::string measure, name;
    double rate = 0;
};

std::vector<Floor> readFloors(const std::string& path)
{
    std::vector<Floor> floors;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        Floor f;
        std::getline(fields, f.measure, '\t');
        std::getline(fields, f.name, '\t');
        fields >> f.rate;
        floors.push_back(f);
    }
    return floors;
}

std::vector<std::string> corpusCaptures()
{
    std::vector<std::string> captures;
    for (const char* part : {"public", "large"}) {
        const fs::path dir = fs::path(RCVMON_CORPUS_DIR) / part;
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            const std::string path = entry.path().string();
            const std::string suffix = ".cols.tsv";
            if (path.size() > suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
                captures.push_back(path.substr(0, path.size() - suffix.size()));
        }
    }
    std::sort(captures.begin(), captures.end());
    return captures;
}

const Agreement* measured(const ColumnTallies& t, const Floor& f)
{
    const auto pick = [&](const Agreement& all, const std::map<std::string, Agreement>& by) -> const Agreement* {
        if (f.name == "*") return &all;
        const auto it = by.find(f.name);
        return it == by.end() ? nullptr : &it->second;
    };
    if (f.measure == "protocol") return pick(t.protocol, t.protocolBy);
    if (f.measure == "info") return pick(t.info, t.infoBy);
    if (f.measure == "deep") return pick(t.deep, t.deepBy);
    return nullptr;
}

// The gaps by protocol, most missed rows first: where the work is.
std::string gapReport(const char* title, const std::map<std::string, Agreement>& by, std::size_t rows)
{
    std::vector<std::pair<std::string, Agreement>> sorted(by.begin(), by.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.second.compared - a.second.matched > b.second.compared - b.second.matched;
    });
    std::ostringstream out;
    out << title << " (most missed first):\n";
    for (std::size_t i = 0; i < sorted.size() && i < rows; ++i) {
        const Agreement& a = sorted[i].second;
        if (a.matched == a.compared) break;
        out << "  " << sorted[i].first << "\t" << a.matched << "/" << a.compared << "\t" << 100.0 * a.rate() << "%\n";
    }
    return out.str();
}

void writeFloors(const std::string& path, const ColumnTallies& t)
{
    std::ofstream out(path);
    out << "# measure\tname\tfloor (rate reached; written by RCVMON_WRITE_FLOORS, raised by hand only)\n";
    const auto line = [&](const char* measure, const std::string& name, const Agreement& a) {
        out << measure << '\t' << name << '\t' << std::floor(a.rate() * 10000) / 10000 << '\n';
    };
    line("protocol", "*", t.protocol);
    line("info", "*", t.info);
    line("deep", "*", t.deep);
    for (const auto& [name, a] : t.protocolBy) if (a.compared >= kFloorMinimumRows) line("protocol", name, a);
    for (const auto& [name, a] : t.infoBy) if (a.compared >= kFloorMinimumRows) line("info", name, a);
    for (const auto& [name, a] : t.deepBy) if (a.compared >= kFloorMinimumRows) line("deep", name, a);
}

TEST(DissectColumnsReference, AgreementWithTsharkNeverFallsBelowItsFloors)
{
    const auto captures = corpusCaptures();
    RCVMON_REQUIRE(!captures.empty(), "the reference corpus at " RCVMON_CORPUS_DIR);
    ASSERT_GE(captures.size(), 45u) << "corpus incomplete";

    ColumnTallies tallies;
    std::vector<std::string> unreadable;
    for (const std::string& capture : captures) {
        std::string error;
        if (!tallyCapture(capture, tallies, error)) unreadable.push_back(capture + ": " + error);
    }
    EXPECT_TRUE(unreadable.empty()) << unreadable.size() << " captures unreadable, first: " << unreadable.front();

    std::printf("captures %zu, IP rows %zu: Protocol %.2f%%, Info %.2f%%, deep fields %.2f%% of %zu cells\n",
                tallies.captures, tallies.protocol.compared, 100 * tallies.protocol.rate(), 100 * tallies.info.rate(),
                100 * tallies.deep.rate(), tallies.deep.compared);
    std::printf("%s", gapReport("Info by protocol", tallies.infoBy, 40).c_str());
    std::printf("%s", gapReport("Protocol column by protocol", tallies.protocolBy, 25).c_str());
    std::printf("%s", gapReport("Deep fields", tallies.deepBy, 80).c_str());

    if (const char* out = std::getenv("RCVMON_WRITE_FLOORS")) writeFloors(out, tallies);

    const auto floors = readFloors(RCVMON_DISSECT_TEST_DIR "/column_floors.tsv");
    ASSERT_FALSE(floors.empty()) << "column_floors.tsv is missing or empty";
    for (const Floor& f : floors) {
        const Agreement* a = measured(tallies, f);
        if (!a) {
            ADD_FAILURE() << f.measure << " " << f.name << ": no rows any more (floor " << f.rate << ")";
            continue;
        }
        EXPECT_GE(a->rate() + kTolerance, f.rate)
            << f.measure << " agreement for " << f.name << " fell to " << a->matched << "/" << a->compared
            << " = " << a->rate() << " (floor " << f.rate << ")";
    }
}

}  // namespace
}  // namespace rcvmon::test
