// SPDX-License-Identifier: GPL-2.0-or-later
// -z io,stat as tshark 4.0 computes and prints it (ui/cli/tap-iostat.c): the same cells, the
// same column widths (from the largest value each column ever held), centred labels, the
// "Dur" last row and the duration printed with "%6u" (spaces, not zeros, before a short
// microsecond part), so the table is byte for byte tshark's.
#include "io_stat_taps.h"

#include "stats/relative_time.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace rcvmon::cli {

namespace {

using Calc = IoStatColumn::Calc;
constexpr std::uint64_t kNsPerSec = 1'000'000'000;

const char* calcName(Calc calc)
{
    switch (calc) {
    case Calc::Frames: return "FRAMES";
    case Calc::Bytes: return "BYTES";
    case Calc::FramesAndBytes: return "FRAMES BYTES";
    case Calc::Count: return "COUNT";
    case Calc::Sum: return "SUM";
    case Calc::Min: return "MIN";
    case Calc::Max: return "MAX";
    case Calc::Avg: return "AVG";
    case Calc::Load: return "LOAD";
    }
    return "";
}

unsigned magnitude(std::uint64_t value, unsigned maxWidth)
{
    unsigned mag = 0;
    for (unsigned i = 0; i < maxWidth; ++i) {
        ++mag;
        if ((value /= 10) == 0) break;
    }
    return mag;
}

template <typename... Args>
void appendf(std::string& out, const char* format, Args... args)
{
    char buf[256];
    const int n = std::snprintf(buf, sizeof buf, format, args...);
    if (n > 0) out.append(buf, std::min<std::size_t>(std::size_t(n), sizeof buf - 1));
}

void spaces(std::string& out, int n)
{
    if (n > 0) out.append(std::size_t(n), ' ');
}

// tshark's printcenter(): the label centred in lenval columns — or nothing at all when the
// column is 6 or more wider than the label, as tshark prints.
void printCenter(std::string& out, const char* label, int lenval)
{
    const int lenlab = int(std::strlen(label));
    const int len = 6 - (((lenval - lenlab) / 2) + 1);
    if (len > 0 && len < 6) {
        const int pad = 6 - len;
        spaces(out, (lenval - lenlab) % 2 == 0 ? pad : pad + 1);
        out += label;
        spaces(out, pad);
        out += '|';
    } else if (len > 0 && len <= 15) {
        out += label;
        out += '|';
    }
}

bool isTime(const IoStatColumn& c) { return c.type == IoFieldType::RelativeTime; }

// Whether the filter reads the field (tshark's dfilter "interesting fields").
bool readsField(const DisplayFilter& filter, FieldId field)
{
    for (const FilterNode& n : filter.program().nodes) {
        switch (n.op) {
        case NodeOp::Exists:
        case NodeOp::Compare:
        case NodeOp::InSet:
        case NodeOp::Contains:
        case NodeOp::BitAnd:
        case NodeOp::Matches:
            if (n.field.matches(field)) return true;
            break;
        case NodeOp::CompareFields:
            if (n.field.matches(field) || n.other.matches(field)) return true;
            break;
        default: break;
        }
    }
    return false;
}

}  // namespace

bool IoStatTaps::add(std::size_t requestIndex, const std::string& spec, std::string& error)
{
    auto request = parseIoStatRequest(spec, error);
    if (!request) return false;
    Stat stat;
    stat.requestIndex = requestIndex;
    stat.request = std::move(*request);
    for (const IoStatColumn& c : stat.request.columns) stat.columns.push_back({c, {}, 0, 0});
    m_stats.push_back(std::move(stat));
    return true;
}

bool IoStatTaps::named(FieldId field) const
{
    for (const DisplayFilter* f : m_primers)
        if (readsField(*f, field)) return true;
    for (const Stat& stat : m_stats)
        for (const Column& c : stat.columns)
            if (c.spec.filter && readsField(*c.spec.filter, field)) return true;
    return false;
}

void IoStatTaps::endFrame(const Dissection& dissection, const FrameRef& frame, std::uint64_t)
{
    if (m_stats.empty()) return;
    if (!m_started) {
        m_started = true;
        m_first = frame.ts;
        for (Stat& stat : m_stats)
            for (Column& c : stat.columns) c.fieldVisible = named(c.spec.field);
    }
    const RelativeTime rel = RelativeTime::between(m_first, frame.ts);
    // cfile.elapsed_time: the latest frame's time since the first.
    if (rel.secs >= 0 && rel.nsecs >= 0) {
        const std::uint64_t ns = std::uint64_t(rel.secs) * kNsPerSec + std::uint64_t(rel.nsecs);
        m_elapsedNs = std::max(m_elapsedNs, ns);
        m_lastRelativeUs = std::uint64_t(rel.secs) * 1'000'000u + std::uint64_t((rel.nsecs + 500) / 1000);
    }
    for (Stat& stat : m_stats)
        for (Column& column : stat.columns)
            if (!column.spec.filter || column.spec.filter->matches(dissection, frame.data))
                addFrame(column, stat.request, dissection, m_lastRelativeUs, frame.originalLength);
}

void IoStatTaps::addFrame(Column& column, const IoStatRequest& request, const Dissection& dissection,
                          std::uint64_t relativeUs, std::uint32_t length)
{
    const IoStatColumn& spec = column.spec;
    const std::uint64_t interval = request.intervalUs;
    const std::uint64_t index = interval == UINT64_MAX ? 0 : relativeUs / interval;
    // A frame earlier than the latest cell (a file out of time order) joins that cell, as
    // tshark's list of cells only grows forward.
    if (column.cells.size() < index + 1) column.cells.resize(std::size_t(index + 1));
    const std::size_t at = std::max<std::size_t>(std::size_t(index), column.cells.size() - 1);
    Cell& cell = column.cells[at];
    ++cell.frames;
    const auto values = [&](auto&& fn) {
        std::uint32_t i = 0;
        if (!column.fieldVisible) return;
        forEachIoField(dissection, spec.field, [&](const FieldRecord& f) { fn(std::uint64_t(ioFieldValue(f, spec.type)), i++); });
    };
    switch (spec.calc) {
    case Calc::Frames:
    case Calc::Bytes:
    case Calc::FramesAndBytes: cell.counter += length; break;
    case Calc::Count: values([&](std::uint64_t, std::uint32_t) { ++cell.counter; }); break;
    case Calc::Sum: values([&](std::uint64_t v, std::uint32_t) { cell.counter += v; }); break;
    case Calc::Min:
        values([&](std::uint64_t v, std::uint32_t i) {
            const bool first = cell.frames == 1 && i == 0;
            bool less = v < cell.counter;
            if (spec.type == IoFieldType::Signed)
                less = spec.narrowSigned ? std::int32_t(v) < std::int32_t(cell.counter) : std::int64_t(v) < std::int64_t(cell.counter);
            if (first || less) cell.counter = v;
        });
        break;
    case Calc::Max:
        values([&](std::uint64_t v, std::uint32_t) {
            bool greater = v > cell.counter;
            if (spec.type == IoFieldType::Signed)
                greater = spec.narrowSigned ? std::int32_t(v) > std::int32_t(cell.counter) : std::int64_t(v) > std::int64_t(cell.counter);
            if (greater) cell.counter = v;
        });
        break;
    case Calc::Avg:
        values([&](std::uint64_t v, std::uint32_t) {
            ++cell.num;
            cell.counter += v;
        });
        break;
    case Calc::Load:
        values([&](std::uint64_t v, std::uint32_t) {
            // The duration in µs: the part of this interval before the frame, then whole
            // intervals back, as far as the first.
            std::uint64_t us = v / 1000;
            const std::uint64_t within = us % interval;
            cell.counter += within;
            us -= within;
            for (std::size_t k = at; us > 0 && k-- > 0;) {
                const std::uint64_t part = std::min(us, interval);
                column.cells[k].counter += part;
                us -= part;
            }
        });
        break;
    }
    // The widest value the column held: what tshark sizes the column by.
    switch (spec.calc) {
    case Calc::Frames:
    case Calc::FramesAndBytes:
        column.maxFrames = std::max(column.maxFrames, cell.frames);
        if (spec.calc == Calc::FramesAndBytes) column.maxValue = std::max(column.maxValue, cell.counter);
        break;
    case Calc::Bytes:
    case Calc::Count:
    case Calc::Load:
    case Calc::Sum:
    case Calc::Min:
    case Calc::Max: column.maxValue = std::max(column.maxValue, cell.counter); break;
    case Calc::Avg:
        if (cell.num == 0) break;
        column.maxValue = std::max(column.maxValue, isTime(spec) ? (cell.counter / cell.num + 500'000'000) / kNsPerSec
                                                                  : cell.counter / cell.num);
        break;
    }
}

void IoStatTaps::appendReport(std::size_t requestIndex, std::string& out) const
{
    for (const Stat& stat : m_stats)
        if (stat.requestIndex == requestIndex) appendTable(stat, out);
}

void IoStatTaps::appendTable(const Stat& stat, std::string& out) const
{
    const std::size_t numCols = stat.columns.size();
    std::uint64_t duration = m_elapsedNs / kNsPerSec * 1'000'000 + (m_elapsedNs % kNsPerSec + 500) / 1000;
    std::uint64_t interval = stat.request.intervalUs;
    bool wholeCapture = interval == UINT64_MAX;
    if (interval > duration || wholeCapture) {
        interval = duration;
        wholeCapture = true;
    }
    unsigned durMag = magnitude(duration / 1'000'000, 5);
    const unsigned invlMag = magnitude(interval / 1'000'000, 5);
    unsigned prec = 0;
    int borderlen = 0;
    if (interval == duration) {
        prec = durMag >= 2 ? 1 : durMag == 1 ? 3 : 6;
        borderlen = int(30 + durMag + prec + 1);
    } else {
        prec = stat.request.precision;
        borderlen = int(25 + std::max(invlMag, durMag) + (prec == 0 ? 0 : prec + 1));
    }
    std::uint64_t dv = 1'000'000;
    for (unsigned i = 0; i < prec; ++i) dv /= 10;
    if (duration % dv > 5 * (dv / 10)) {
        duration += 5 * (dv / 10);
        duration = duration / dv * dv;
        durMag = magnitude(duration / 1'000'000, 5);
    }
    if (wholeCapture) interval = duration;

    int invlColW = prec == 0 ? int(2 * durMag + 8) : int(2 * durMag + 2 * prec + 10);
    invlColW = std::max(invlColW, 12);

    // Column widths and formats.
    struct Width {
        int fr = 0, val = 0;
    };
    std::vector<Width> widths(numCols);
    std::vector<std::uint64_t> maxValues(numCols);
    int tabrowW = invlColW;
    for (std::size_t j = 0; j < numCols; ++j) {
        const Column& c = stat.columns[j];
        const Calc calc = c.spec.calc;
        maxValues[j] = c.maxValue;
        if (calc == Calc::Frames || calc == Calc::FramesAndBytes) {
            widths[j].fr = int(std::max(6u, magnitude(c.maxFrames, 15)));
            tabrowW += widths[j].fr + 3;
            if (calc == Calc::FramesAndBytes) {
                widths[j].val = int(std::max(5u, magnitude(c.maxValue, 15)));
                tabrowW += widths[j].val + 3;
            }
            continue;
        }
        if (calc == Calc::Bytes || calc == Calc::Count) {
            widths[j].val = int(std::max(5u, magnitude(c.maxValue, 15)));
        } else if (isTime(c.spec)) {
            if (calc == Calc::Load) maxValues[j] = interval ? maxValues[j] / interval : 0;
            else if (calc != Calc::Avg) maxValues[j] = (maxValues[j] + 500'000'000) / kNsPerSec;
            widths[j].val = int(magnitude(maxValues[j], 15)) + 7;
        } else {
            widths[j].val = int(std::max<unsigned>(unsigned(std::strlen(calcName(calc))), magnitude(c.maxValue, 15)));
        }
        tabrowW += widths[j].val + 3;
    }
    borderlen = std::max(borderlen, tabrowW);
    int maxFilterW = 0;
    for (const Column& c : stat.columns) maxFilterW = std::max(maxFilterW, c.spec.spec ? int(c.spec.spec->size()) + 11 : 26);
    if (maxFilterW > borderlen && borderlen < 102) borderlen = std::min(maxFilterW, 102);
    if (borderlen - tabrowW == 1) ++borderlen;

    // Header.
    out += '\n';
    out.append(std::size_t(borderlen), '=');
    out += "\n| IO Statistics";
    spaces(out, borderlen - 16);
    out += "|\n|";
    spaces(out, borderlen - 2);
    out += "|\n";
    if (prec == 0) {
        appendf(out, "| Duration: %*u.%6u secs", int(durMag), unsigned(duration / 1'000'000), unsigned(duration % 1'000'000));
        spaces(out, borderlen - int(25 + durMag));
        out += "|\n";
        appendf(out, "| Interval: %*u secs", int(durMag), unsigned(interval / 1'000'000));
        spaces(out, borderlen - int(18 + durMag));
        out += "|\n";
    } else {
        const int pad = borderlen - int(19 + durMag + prec);
        appendf(out, "| Duration: %*u.%0*u secs", int(durMag), unsigned(duration / 1'000'000), int(prec),
                unsigned(duration % 1'000'000 / dv));
        spaces(out, pad);
        out += "|\n";
        appendf(out, "| Interval: %*u.%0*u secs", int(durMag), unsigned(interval / 1'000'000), int(prec),
                unsigned(interval % 1'000'000 / dv));
        spaces(out, pad);
        out += "|\n";
    }
    out += '|';
    spaces(out, borderlen - 2);
    out += "|\n| Col";
    for (std::size_t j = 0; j < numCols; ++j) {
        appendf(out, j == 0 ? "%2u: " : "|    %2u: ", unsigned(j + 1));
        if (!stat.columns[j].spec.spec) {
            out += "Frames and bytes";
            spaces(out, borderlen - 26);
            out += "|\n";
            continue;
        }
        std::string_view filter = *stat.columns[j].spec.spec;
        if (int(filter.size()) + 11 <= borderlen) {
            out += filter;
            spaces(out, borderlen - int(filter.size()) - 10);
            out += "|\n";
            continue;
        }
        // Wrapped at the last space that fits, or cut where none does.
        const std::size_t maxW = std::size_t(borderlen - 11);
        while (true) {
            if (filter.size() > maxW) {
                const std::string_view head = filter.substr(0, maxW);
                const std::size_t space = head.rfind(' ');
                const std::size_t len = space == std::string_view::npos ? head.size() : space;
                const std::size_t next = space == std::string_view::npos ? len : len + 1;
                out += head.substr(0, len);
                spaces(out, borderlen - int(len) - 10);
                out += "|\n|        ";
                filter = filter.substr(next);
            } else {
                out += filter;
                spaces(out, borderlen - int(filter.size()) - 10);
                out += "|\n";
                break;
            }
        }
    }
    out += "|-";
    out.append(std::size_t(std::max(0, borderlen - 3)), '-');
    out += "|\n|";
    spaces(out, invlColW - 2);
    out += '|';
    for (std::size_t j = 0; j < numCols; ++j) {
        const Calc calc = stat.columns[j].spec.calc;
        const int padding = calc == Calc::FramesAndBytes ? widths[j].fr + widths[j].val + 3
                            : calc == Calc::Frames      ? widths[j].fr
                                                        : widths[j].val;
        appendf(out, "%-2u", unsigned(j + 1));
        spaces(out, padding);
        out += '|';
    }
    const bool filler = tabrowW < borderlen;
    const auto appendFiller = [&] {
        if (!filler) return;
        spaces(out, borderlen - tabrowW - 1);
        out += '|';
    };
    appendFiller();
    out += "\n| Interval";
    spaces(out, invlColW - 11);
    out += '|';
    for (std::size_t j = 0; j < numCols; ++j) {
        const Calc calc = stat.columns[j].spec.calc;
        if (calc == Calc::Frames) {
            printCenter(out, calcName(calc), widths[j].fr);
        } else if (calc == Calc::FramesAndBytes) {
            printCenter(out, "Frames", widths[j].fr);
            printCenter(out, "Bytes", widths[j].val);
        } else {
            printCenter(out, calcName(calc), widths[j].val);
        }
    }
    appendFiller();
    out += "\n|-";
    out.append(std::size_t(std::max(0, tabrowW - 3)), '-');
    out += '|';
    appendFiller();
    out += '\n';

    // Rows.
    for (std::uint64_t t = 0, row = 0; interval > 0 && t < duration; t += interval, ++row) {
        std::uint64_t end = t + interval;
        const bool lastRow = end >= duration;
        if (lastRow) end = duration;
        if (prec == 0) {
            const char* pad = durMag == 1 ? " " : "";
            if (lastRow) {
                const int maxw = durMag >= 3 ? int(durMag) + 1 : 3;
                appendf(out, "| %s%*u <> %-*s|", pad, int(durMag), unsigned(t / 1'000'000), maxw, "Dur");
            } else {
                appendf(out, "| %s%*u <> %*u %s|", pad, int(durMag), unsigned(t / 1'000'000), int(durMag),
                        unsigned(end / 1'000'000), pad);
            }
        } else {
            appendf(out, "| %*u.%0*u <> %*u.%0*u |", int(durMag), unsigned(t / 1'000'000), int(prec),
                    unsigned(t % 1'000'000 / dv), int(durMag), unsigned(end / 1'000'000), int(prec),
                    unsigned(end % 1'000'000 / dv));
        }
        for (std::size_t j = 0; j < numCols; ++j) {
            const Column& c = stat.columns[j];
            const Cell cell = row < c.cells.size() ? c.cells[std::size_t(row)] : Cell{};
            const Width w = widths[j];
            const bool signedField = c.spec.type == IoFieldType::Signed;
            switch (c.spec.calc) {
            case Calc::Frames: appendf(out, " %*u |", w.fr, unsigned(cell.frames)); break;
            case Calc::FramesAndBytes:
                appendf(out, " %*u | %*" PRIu64 " |", w.fr, unsigned(cell.frames), w.val, cell.counter);
                break;
            case Calc::Bytes:
            case Calc::Count: appendf(out, " %*" PRIu64 " |", w.val, cell.counter); break;
            case Calc::Sum:
            case Calc::Min:
            case Calc::Max:
            case Calc::Avg: {
                std::uint64_t v = cell.counter;
                if (c.spec.calc == Calc::Avg) v /= std::max<std::uint32_t>(cell.num, 1);
                if (isTime(c.spec)) {
                    v = (v + 500) / 1000;
                    appendf(out, " %*u.%06u |", w.val - 7, unsigned(v / 1'000'000), unsigned(v % 1'000'000));
                } else if (signedField) {
                    appendf(out, " %*" PRId64 " |", w.val, std::int64_t(v));
                } else {
                    appendf(out, " %*" PRIu64 " |", w.val, v);
                }
                break;
            }
            case Calc::Load: {
                const std::uint64_t width = lastRow ? end - t : interval;
                const std::uint64_t v = cell.counter;
                appendf(out, " %*u.%06u |", w.val - 7, unsigned(width ? v / width : 0),
                        unsigned(width ? (v % width) * 1'000'000 / width : 0));
                break;
            }
            }
        }
        appendFiller();
        out += '\n';
    }
    out.append(std::size_t(borderlen), '=');
    out += '\n';
}

}  // namespace rcvmon::cli
