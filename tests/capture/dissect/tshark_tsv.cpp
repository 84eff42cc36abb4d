// SPDX-License-Identifier: GPL-2.0-or-later
#include "tshark_tsv.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace rcvmon::tsv {

std::vector<std::string> splitTabs(std::string_view line)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        out.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    return out;
}

Table parseTable(std::string_view text)
{
    Table t;
    bool first = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (first) {
            t.header = splitTabs(line);
            first = false;
            continue;
        }
        if (line.empty()) continue;
        auto row = splitTabs(line);
        row.resize(std::max(row.size(), t.header.size()));
        t.rows.push_back(std::move(row));
    }
    return t;
}

static bool readWhole(const std::string& path, std::string& text, std::string& error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open " + path;
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
    return true;
}

bool readTable(const std::string& path, Table& out, std::string& error)
{
    std::string text;
    if (!readWhole(path, text, error)) return false;
    out = parseTable(text);
    if (out.header.empty() || out.header[0].empty()) {
        error = path + ": no header row";
        return false;
    }
    return true;
}

bool readKnownGaps(const std::string& path, std::vector<Gap>& out, std::string& error)
{
    std::string text;
    if (!readWhole(path, text, error)) return false;
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#' || line.rfind("file\t", 0) == 0) continue;
        const auto cols = splitTabs(line);
        if (cols.size() < 6) {
            error = path + ":" + std::to_string(lineNo) + ": expected 6 tab-separated columns";
            return false;
        }
        Gap g;
        g.file = cols[0];
        g.mode = cols[1];
        g.frame = std::strtoull(cols[2].c_str(), nullptr, 10);
        g.field = cols[3];
        g.expected = cols[4];
        g.reason = cols[5];
        out.push_back(std::move(g));
    }
    return true;
}

void Comparison::noteCompared(std::string_view file, std::string_view mode)
{
    std::string key = std::string(file) + "\t" + std::string(mode);
    if (std::find(m_compared.begin(), m_compared.end(), key) == m_compared.end()) m_compared.push_back(key);
}

void Comparison::compareRow(std::string_view file, std::string_view mode, std::uint64_t frame,
                            const std::vector<std::string>& header, const std::vector<std::string>& expected,
                            const std::vector<std::string>& actual)
{
    noteCompared(file, mode);
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string& name = header[i];
        if (!m_tallies.count(name)) m_fieldOrder.push_back(name);
        FieldTally& tally = m_tallies[name];
        ++tally.compared;
        const std::string& want = i < expected.size() ? expected[i] : std::string();
        const std::string& got = i < actual.size() ? actual[i] : std::string();
        if (want == got) {
            ++tally.matched;
            continue;
        }
        Mismatch m{std::string(file), std::string(mode), frame, name, want, got};
        bool listed = false;
        for (std::size_t g = 0; g < m_gaps.size(); ++g) {
            const Gap& gap = m_gaps[g];
            if (gap.file == m.file && gap.mode == m.mode && gap.frame == frame && gap.field == name &&
                gap.expected == want) {
                m_gapSeen[g] = true;
                listed = true;
            }
        }
        m_mismatches.push_back(std::move(m));
        m_mismatchListed.push_back(listed);
    }
}

std::vector<Mismatch> Comparison::unlisted() const
{
    std::vector<Mismatch> out;
    for (std::size_t i = 0; i < m_mismatches.size(); ++i)
        if (!m_mismatchListed[i]) out.push_back(m_mismatches[i]);
    return out;
}

std::vector<Gap> Comparison::stale() const
{
    std::vector<Gap> out;
    for (std::size_t g = 0; g < m_gaps.size(); ++g) {
        const std::string key = m_gaps[g].file + "\t" + m_gaps[g].mode;
        const bool compared = std::find(m_compared.begin(), m_compared.end(), key) != m_compared.end();
        if (compared && !m_gapSeen[g]) out.push_back(m_gaps[g]);
    }
    return out;
}

std::string Comparison::report() const
{
    std::string out;
    char line[160];
    for (const std::string& name : m_fieldOrder) {
        const FieldTally& t = m_tallies.at(name);
        std::snprintf(line, sizeof line, "%-20s %7zu/%-7zu %7.3f%%\n", name.c_str(), t.matched, t.compared,
                      100.0 * t.rate());
        out += line;
    }
    return out;
}

std::string describe(const Mismatch& m)
{
    return m.file + "\t" + m.mode + "\t" + std::to_string(m.frame) + "\t" + m.field + "\t" + m.expected +
           "\t(got: " + m.actual + ")";
}

std::string describe(const Gap& g)
{
    return g.file + "\t" + g.mode + "\t" + std::to_string(g.frame) + "\t" + g.field + "\t" + g.expected + "\t" +
           g.reason;
}

}  // namespace rcvmon::tsv
