// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_printer.h"

#include "detail_printer.h"

#include "dissect/dissection.h"
#include "dissect/field_registry.h"
#include "dissect/json_packet.h"
#include "names/name_resolver.h"
#include "names/port_names_scope.h"
#include "names/resolved_fields.h"

#include <cinttypes>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace rcvmon::cli {
namespace {

// Seconds since the first frame, with microseconds, as tshark's default Time column.
void appendRelativeTime(std::string& out, std::int64_t deltaNs)
{
    char text[48];
    const char* sign = deltaNs < 0 ? "-" : "";
    const std::uint64_t magnitude = deltaNs < 0 ? std::uint64_t(-deltaNs) : std::uint64_t(deltaNs);
    std::snprintf(text, sizeof text, "%s%" PRIu64 ".%06" PRIu64, sign, magnitude / 1'000'000'000,
                  (magnitude % 1'000'000'000) / 1000);
    out += text;
}

class RelativeClock {
public:
    std::int64_t sinceFirst(const FrameRef& frame)
    {
        const std::int64_t ns = frame.ts.totalNanoseconds();
        if (!m_first) m_first = ns;
        return ns - *m_first;
    }

private:
    std::optional<std::int64_t> m_first;
};

// The text a packet's columns show with names resolved (-N): DNS answers are learned first,
// as Wireshark fills its columns after the whole packet is dissected.
PacketSummary resolvedSummary(const Dissection& d, const names::NameResolver& resolver)
{
    const names::PortNamesScope scope(resolver.infoPortNames());
    PacketSummary s = d.summary();
    resolver.resolveColumns(d, s);
    return s;
}

// -T fields: the chosen fields, tab-separated, occurrences comma-joined (tshark's -T fields).
// With -N, the resolved fields (ip.src_host, eth.src_resolved, ...) and the columns carry names.
class FieldsPrinter final : public PacketPrinter {
public:
    struct Column {
        FieldId id = 0;
        const names::ResolvedField* resolved = nullptr;
    };
    FieldsPrinter(std::vector<Column> columns, std::vector<std::string> names, const CliOptions& o, OutputBuffer& out,
                  std::shared_ptr<names::NameResolver> resolver)
        : m_columns(std::move(columns)), m_names(std::move(names)), m_header(o.header), m_separator(o.separator),
          m_occurrence(o.occurrence), m_aggregator(o.aggregator), m_out(out), m_resolver(std::move(resolver))
    {
        // tshark's default occurrences with no names: one pass over the packet's fields fills
        // every column (a scan per column cost more than the dissection of a TCP segment).
        m_onePass = !m_resolver && m_occurrence == 'a' && m_aggregator == ",";
        // Every FieldId has an entry: the per-field loop needs no range check.
        m_columnOf.assign(std::size_t{std::numeric_limits<FieldId>::max()} + 1, kNoColumn);
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            const FieldId id = m_columns[i].id;
            if (m_columns[i].resolved) m_onePass = false;
            if (m_columns[i].resolved || computedField(id)) continue;
            if (m_columnOf[id] == kNoColumn) m_columnOf[id] = static_cast<std::uint16_t>(i);
        }
        // The cell each column prints (a field asked twice: its first column's), or none for
        // the computed ones.
        for (const Column& c : m_columns)
            m_cellOf.push_back(c.resolved || computedField(c.id) ? kNoColumn : m_columnOf[c.id]);
        m_cells.resize(m_columns.size());
        m_counts.resize(m_columns.size());
    }
    void begin() override
    {
        if (!m_header) return;
        for (std::size_t i = 0; i < m_names.size(); ++i) {
            if (i) m_out.text() += m_separator;
            m_out.text() += m_names[i];
        }
        m_out.text() += '\n';
    }
    void print(const FrameRef&, std::uint64_t, const Dissection& d) override
    {
        if (m_onePass) {
            printOnePass(d);
            return;
        }
        std::string& text = m_out.text();
        // Resolved fields are added while the packet is dissected, before its own DNS answers
        // are learned; the columns are filled after.
        m_cells.assign(m_columns.size(), std::string());
        for (std::size_t i = 0; i < m_columns.size(); ++i)
            if (m_columns[i].resolved)
                names::appendResolvedField(*m_columns[i].resolved, d, resolverOrPlain(), m_cells[i], m_aggregator);
        std::optional<PacketSummary> summary;
        if (m_resolver) {
            m_resolver->learn(d);
            summary = resolvedSummary(d, *m_resolver);
        }
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            if (i) text += m_separator;
            const FieldId id = m_columns[i].id;
            if (m_columns[i].resolved) text += m_cells[i];
            else if (summary && id == field::ColSource) text += summary->source;
            else if (summary && id == field::ColDestination) text += summary->destination;
            else if (summary && id == field::ColInfo) text += summary->info;
            else appendOccurrences(d, id, text);
        }
        text += '\n';
        m_out.maybeFlush();
    }

private:
    static constexpr std::uint16_t kNoColumn = 0xffff;
    // Filled from the packet's columns or frame.protocols, not from a field record.
    static bool computedField(FieldId id)
    {
        return id == field::ColProtocol || id == field::ColInfo || id == field::ColSource ||
               id == field::ColDestination || id == field::FrameProtocols;
    }
    // Dissection::appendFieldText's text for every column, the fields read once.
    void printOnePass(const Dissection& d)
    {
        for (std::size_t i = 0; i < m_cells.size(); ++i) {
            m_cells[i].clear();  // keeps its capacity: no allocation per packet
            m_counts[i] = 0;
        }
        // Locals: appendFieldValue could change members as far as the compiler knows, so it would
        // reload them for each of the packet's fields.
        const std::uint16_t* columnOf = m_columnOf.data();
        for (const FieldRecord& f : d.fields()) {
            const std::uint16_t column = columnOf[f.id];
            if (column == kNoColumn) [[likely]] continue;
            if (m_counts[column]++) m_cells[column].push_back(',');
            d.appendFieldValue(f, m_cells[column]);
        }
        std::string& text = m_out.text();
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            if (i) text += m_separator;
            const std::uint16_t cell = m_cellOf[i];
            if (cell == kNoColumn) d.appendFieldText(m_columns[i].id, text);
            else if (!m_cells[cell].empty()) text += m_cells[cell];
        }
        text += '\n';
        m_out.maybeFlush();
    }
    const names::NameResolver& resolverOrPlain()
    {
        if (m_resolver) return *m_resolver;
        if (!m_plain) m_plain = std::make_unique<names::NameResolver>();
        return *m_plain;
    }
    // -E occurrence= and aggregator=: tshark's default (all, ",") is the Dissection's own text.
    void appendOccurrences(const Dissection& d, FieldId id, std::string& text) const
    {
        if ((m_occurrence == 'a' && m_aggregator == ",") || !d.first(id)) {
            d.appendFieldText(id, text);
            return;
        }
        const FieldRecord* last = nullptr;
        bool first = true;
        for (const FieldRecord& f : d.fields()) {
            if (f.id != id) continue;
            if (m_occurrence == 'l') {
                last = &f;
                continue;
            }
            if (!first) text += m_aggregator;
            first = false;
            d.appendFieldValue(f, text);
            if (m_occurrence == 'f') return;
        }
        if (last) d.appendFieldValue(*last, text);
    }

    std::vector<Column> m_columns;
    std::vector<std::string> m_names;
    bool m_header;
    char m_separator;
    char m_occurrence;
    std::string m_aggregator;
    OutputBuffer& m_out;
    std::shared_ptr<names::NameResolver> m_resolver;
    std::unique_ptr<names::NameResolver> m_plain;  // resolved fields without -N: plain text
    std::vector<std::string> m_cells;
    bool m_onePass = false;
    std::vector<std::uint16_t> m_columnOf;   // FieldId: the first column that shows it
    std::vector<std::uint16_t> m_cellOf;     // column: the cell it prints (one pass)
    std::vector<std::uint32_t> m_counts;     // occurrences in each column so far
};

// Default output and -T tsv: the packet table's columns.
class SummaryPrinter final : public PacketPrinter {
public:
    SummaryPrinter(bool tsv, OutputBuffer& out, std::shared_ptr<names::NameResolver> resolver)
        : m_tsv(tsv), m_out(out), m_resolver(std::move(resolver))
    {
    }
    void begin() override
    {
        if (m_tsv) m_out.text() += "No.\tTime\tSource\tDestination\tProtocol\tLength\tInfo\n";
    }
    void print(const FrameRef& frame, std::uint64_t number, const Dissection& d) override
    {
        if (m_resolver) m_resolver->learn(d);
        const PacketSummary s = m_resolver ? resolvedSummary(d, *m_resolver) : d.summary();
        std::string& text = m_out.text();
        const std::int64_t delta = m_clock.sinceFirst(frame);
        if (m_tsv) {
            text += std::to_string(number);
            text += '\t';
            appendRelativeTime(text, delta);
            for (const std::string* column : {&s.source, &s.destination, &s.protocol}) {
                text += '\t';
                text += *column;
            }
            text += '\t';
            text += std::to_string(frame.originalLength);
            text += '\t';
            text += s.info;
        } else {  // tshark's default one-line summary
            std::string time;
            appendRelativeTime(time, delta);
            char head[64];
            std::snprintf(head, sizeof head, "%6" PRIu64 " %11s ", number, time.c_str());
            text += head;
            text += s.source;
            text += " \u2192 ";
            text += s.destination;
            text += ' ';
            text += s.protocol;
            text += ' ';
            text += std::to_string(frame.originalLength);
            text += ' ';
            text += s.info;
        }
        text += '\n';
        m_out.maybeFlush();
    }

private:
    bool m_tsv;
    OutputBuffer& m_out;
    RelativeClock m_clock;
    std::shared_ptr<names::NameResolver> m_resolver;
};

// -T json: tshark's layout ("_source" ▸ "layers" ▸ protocol ▸ field), one object per layer
// occurrence; a field repeated within one layer becomes an array, as tshark's
// --no-duplicate-keys does, so that every JSON parser keeps every value.
class JsonPrinter final : public PacketPrinter {
public:
    explicit JsonPrinter(OutputBuffer& out) : m_out(out) {}
    void begin() override { m_out.text() += "["; }
    void end() override { m_out.text() += m_first ? "]\n" : "\n]\n"; }
    void print(const FrameRef&, std::uint64_t, const Dissection& d) override
    {
        std::string& text = m_out.text();
        text += m_first ? "\n" : ",\n";
        m_first = false;
        appendJsonPacket(text, d);
        m_out.maybeFlush();
    }

private:
    OutputBuffer& m_out;
    bool m_first = true;
};

}  // namespace

std::unique_ptr<PacketPrinter> makePacketPrinter(const CliOptions& options, OutputBuffer& out, std::string& error)
{
    if (options.verbose) return makeDetailPrinter(options.expanded, out);
    // -N: one resolver for the run, so names learned from earlier packets' DNS answers stay.
    std::shared_ptr<names::NameResolver> resolver;
    if (options.resolution.any()) resolver = std::make_shared<names::NameResolver>(options.resolution);
    switch (options.output) {
    case OutputFormat::Fields: {
        std::vector<FieldsPrinter::Column> columns;
        std::string unknown;
        for (const std::string& name : options.fields) {
            if (auto id = findField(name)) columns.push_back({*id, nullptr});
            else if (const auto* resolved = names::findResolvedField(name)) columns.push_back({0, resolved});
            else unknown += (unknown.empty() ? "" : ", ") + name;
        }
        if (!unknown.empty()) {
            error = "unknown field name(s): " + unknown + " (names are Wireshark's, e.g. ip.src, tcp.dstport)";
            return nullptr;
        }
        return std::make_unique<FieldsPrinter>(std::move(columns), options.fields, options, out, resolver);
    }
    case OutputFormat::Tsv: return std::make_unique<SummaryPrinter>(true, out, resolver);
    case OutputFormat::Json: return std::make_unique<JsonPrinter>(out);
    case OutputFormat::Summary: return std::make_unique<SummaryPrinter>(false, out, resolver);
    }
    return nullptr;
}

}  // namespace rcvmon::cli
