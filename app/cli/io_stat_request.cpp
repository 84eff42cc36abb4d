// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_stat_request.h"

#include <array>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace rcvmon::cli {

namespace {

using Calc = IoStatColumn::Calc;

struct CalcName {
    std::string_view name;
    Calc calc;
};
// tshark's calc_type_table, in its order: "FRAMES" is tried before "FRAMES BYTES".
constexpr std::array<CalcName, 9> kCalcs = {{{"FRAMES", Calc::Frames},
                                             {"BYTES", Calc::Bytes},
                                             {"FRAMES BYTES", Calc::FramesAndBytes},
                                             {"COUNT", Calc::Count},
                                             {"SUM", Calc::Sum},
                                             {"MIN", Calc::Min},
                                             {"MAX", Calc::Max},
                                             {"AVG", Calc::Avg},
                                             {"LOAD", Calc::Load}}};

std::string trimmed(std::string_view s)
{
    while (!s.empty() && std::strchr(" \t\n\r\f\v", s.front())) s.remove_prefix(1);
    while (!s.empty() && std::strchr(" \t\n\r\f\v", s.back())) s.remove_suffix(1);
    return std::string(s);
}

// tshark's register_io_tap(): the calculation, its field and the filter after the parens.
bool parseColumn(const std::optional<std::string>& spec, IoStatColumn& column, std::string& error)
{
    column.spec = spec;
    std::string filter = spec.value_or(std::string());
    std::string field;
    std::string_view calcName;
    if (spec) {
        for (const CalcName& c : kCalcs) {
            if (!std::string_view(*spec).starts_with(c.name)) continue;
            column.calc = c.calc;
            calcName = c.name;
            if (spec->size() <= c.name.size() || (*spec)[c.name.size()] != '(') continue;
            const std::size_t open = c.name.size() + 1;
            const std::size_t close = spec->find(')', open);
            if (close == std::string::npos) {
                error = "Closing parenthesis missing from calculated expression.";
                return false;
            }
            field = spec->substr(open, close - open);
            const bool plain = c.calc == Calc::Frames || c.calc == Calc::Bytes;
            if (plain && !field.empty()) {
                error = std::string(c.name) + " does not require or allow a field name within the parens.";
                return false;
            }
            if (!plain && field.empty()) {
                error = "You didn't specify a field name for " + std::string(c.name) + "(*).";
                return false;
            }
            filter = spec->substr(close + 1);
            break;
        }
    }
    if (!field.empty()) {
        const auto id = findField(field);
        if (!id) {
            error = "There is no field named '" + field + "'.";
            return false;
        }
        column.field = *id;
        column.type = ioFieldType(*id);
        column.narrowSigned = column.type == IoFieldType::Signed && fieldInfo(*id).bits != 0 && fieldInfo(*id).bits <= 32;
        const bool relativeTime = column.type == IoFieldType::RelativeTime;
        if (column.type == IoFieldType::Other && column.calc != Calc::Count) {
            error = field + " doesn't have integral values, so " + std::string(calcName) +
                    "(*) calculations are not supported on it.";
            return false;
        }
        if (column.calc == Calc::Load && !relativeTime) {
            error = "LOAD() is only supported for relative-time fields such as smb.time";
            return false;
        }
    }
    if (!trimmed(filter).empty()) {
        FilterError filterError;
        column.filter = DisplayFilter::compile(filter, filterError);
        if (!column.filter) {
            error = filterError.describe(filter);
            return false;
        }
    }
    return true;
}

}  // namespace

std::optional<IoStatRequest> parseIoStatRequest(const std::string& spec, std::string& error)
{
    static const std::string invalid = "invalid \"-z io,stat,<interval>[,<filter>][,<filter>]...\" argument";
    const std::string_view prefix = "io,stat,";
    if (!std::string_view(spec).starts_with(prefix) || spec.back() == ',') {
        error = invalid;
        return std::nullopt;
    }
    const char* start = spec.c_str() + prefix.size();
    char* end = nullptr;
    const double seconds = std::strtod(start, &end);
    if (end == start || seconds < 0 || (*end != '\0' && *end != ',')) {
        error = invalid;
        return std::nullopt;
    }
    IoStatRequest r;
    if (seconds == 0) {
        r.intervalUs = UINT64_MAX;
    } else {
        r.intervalUs = static_cast<std::uint64_t>(seconds * 1000000.0 + 0.5);
        // The precision the interval needs: 6 decimals, one fewer per trailing zero digit.
        r.precision = 6;
        for (std::uint64_t i = 10; i < 10'000'000; i *= 10) {
            if (r.intervalUs % i > 0) break;
            --r.precision;
        }
        if (r.precision == 0) {
            // "1.00": as many decimals as the user wrote zeros, up to 6.
            const std::string_view text(start, static_cast<std::size_t>(end - start));
            const std::size_t dot = text.find('.');
            if (dot != std::string_view::npos && text.size() - dot - 1 > 0)
                r.precision = static_cast<unsigned>(std::min<std::size_t>(text.size() - dot - 1, 6));
        }
    }
    if (r.intervalUs < 1) {
        error = "\"-z\" interval must be >=0.000001 seconds or \"0\" for the entire capture duration.";
        return std::nullopt;
    }
    // The columns: split at commas; a piece that does not parse may be a filter with a comma
    // inside, so it is tried again joined with the next one (as tshark 4 does).
    std::vector<std::optional<std::string>> pieces;
    if (*end == ',') {
        std::string_view rest(end + 1);
        std::size_t from = 0;
        while (true) {
            const std::size_t comma = rest.find(',', from);
            pieces.emplace_back(std::string(rest.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from)));
            if (comma == std::string_view::npos) break;
            from = comma + 1;
        }
    } else {
        pieces.emplace_back(std::nullopt);
    }
    std::string pending;
    bool hasPending = false;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        std::optional<std::string> piece = pieces[i];
        if (hasPending) piece = pending + "," + piece.value_or(std::string());
        if (piece) {
            piece = trimmed(*piece);
            if (piece->empty() && !hasPending) piece.reset();
        }
        IoStatColumn column;
        std::string columnError;
        if (parseColumn(piece, column, columnError)) {
            r.columns.push_back(std::move(column));
            hasPending = false;
            continue;
        }
        if (i + 1 == pieces.size()) {
            error = "Couldn't register io,stat tap: " + columnError;
            return std::nullopt;
        }
        pending = piece.value_or(std::string());
        hasPending = true;
    }
    return r;
}

}  // namespace rcvmon::cli
