// SPDX-License-Identifier: GPL-2.0-or-later
#include "column_agreement.h"

#include "dissect/field_registry.h"
#include "dissected_frames.h"
#include "tshark_tsv.h"

#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

namespace rcvmon::test {
namespace {

void mergeMap(std::map<std::string, Agreement>& into, const std::map<std::string, Agreement>& from)
{
    for (const auto& [key, a] : from) {
        into[key].matched += a.matched;
        into[key].compared += a.compared;
    }
}

bool isIpFrame(std::string_view protocols)
{
    std::size_t start = 0;
    while (start <= protocols.size()) {
        const std::size_t end = std::min(protocols.find(':', start), protocols.size());
        const std::string_view name = protocols.substr(start, end - start);
        if (name == "ip" || name == "ipv6") return true;
        start = end + 1;
    }
    return false;
}

// Row index by frame number (the tables are in frame order, but do not rely on it).
std::unordered_map<std::uint64_t, std::size_t> rowsByFrame(const tsv::Table& table)
{
    std::unordered_map<std::uint64_t, std::size_t> rows;
    for (std::size_t i = 0; i < table.rows.size(); ++i)
        if (!table.rows[i].empty()) rows[std::strtoull(table.rows[i][0].c_str(), nullptr, 10)] = i;
    return rows;
}

}  // namespace

void ColumnTallies::merge(const ColumnTallies& other)
{
    protocol.matched += other.protocol.matched;
    protocol.compared += other.protocol.compared;
    info.matched += other.info.matched;
    info.compared += other.info.compared;
    deep.matched += other.deep.matched;
    deep.compared += other.deep.compared;
    mergeMap(protocolBy, other.protocolBy);
    mergeMap(infoBy, other.infoBy);
    mergeMap(deepBy, other.deepBy);
    captures += other.captures;
}

bool tallyCapture(const std::string& capture, ColumnTallies& tallies, std::string& error)
{
    tsv::Table cols, deep;
    if (!tsv::readTable(capture + ".cols.tsv", cols, error) || !tsv::readTable(capture + ".deep.tsv", deep, error))
        return false;
    if (deep.header.size() < 2 || deep.header[1] != "frame.protocols" || cols.header.size() < 3) {
        error = capture + ": unexpected table header";
        return false;
    }
    // The frames to compare: the first IP frames, by tshark's own frame.protocols.
    std::set<std::uint64_t> selected;
    for (const auto& row : deep.rows) {
        if (selected.size() == kIpFramesPerCapture) break;
        if (isIpFrame(row[1])) selected.insert(std::strtoull(row[0].c_str(), nullptr, 10));
    }
    ++tallies.captures;
    if (selected.empty()) return true;
    std::vector<std::optional<FieldId>> deepIds;
    for (const std::string& name : deep.header) deepIds.push_back(findField(name));
    const auto colsRow = rowsByFrame(cols);
    const auto deepRow = rowsByFrame(deep);
    const std::uint64_t last = *selected.rbegin();
    std::string text;
    const bool read = forEachDissectedFrame(capture, [&](const FrameRef&, std::uint64_t number, const Dissection& d) {
        if (number > last || !selected.count(number)) return;
        const auto c = colsRow.find(number);
        const auto& expected = c != colsRow.end() ? cols.rows[c->second] : std::vector<std::string>(3);
        const std::string& protocol = expected[1];
        text.clear();
        d.appendFieldText(field::ColProtocol, text);
        const bool protocolMatch = text == protocol;
        tallies.protocol.add(protocolMatch);
        tallies.protocolBy[protocol].add(protocolMatch);
        text.clear();
        d.appendFieldText(field::ColInfo, text);
        const bool infoMatch = text == expected[2];
        tallies.info.add(infoMatch);
        tallies.infoBy[protocol].add(infoMatch);
        const auto r = deepRow.find(number);
        if (r == deepRow.end()) return;
        const auto& cells = deep.rows[r->second];
        for (std::size_t i = 1; i < deep.header.size(); ++i) {
            text.clear();
            if (deepIds[i]) d.appendFieldText(*deepIds[i], text);
            if (text.empty() && cells[i].empty()) continue;
            const bool match = text == cells[i];
            tallies.deep.add(match);
            tallies.deepBy[deep.header[i]].add(match);
        }
    }, error);
    return read;
}

}  // namespace rcvmon::test
