// SPDX-License-Identifier: GPL-2.0-or-later
#include "names/oui_table.h"

#include "names/keyed_entries.h"
#include "names/text_file.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace rcvmon::names {
namespace {

constexpr std::uint64_t kMac48 = 0xffff'ffff'ffffull;

std::uint64_t prefixMask(unsigned bits)
{
    return bits == 0 ? 0 : (kMac48 << (48 - bits)) & kMac48;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Splits a manuf line on runs of tabs (long names hold spaces, never tabs).
std::vector<std::string_view> tabFields(std::string_view line)
{
    std::vector<std::string_view> fields;
    while (!line.empty()) {
        const std::size_t start = line.find_first_not_of('\t');
        if (start == std::string_view::npos) break;
        line.remove_prefix(start);
        const std::size_t end = line.find('\t');
        fields.push_back(trimBlanks(line.substr(0, end)));
        if (end == std::string_view::npos) break;
        line.remove_prefix(end);
    }
    return fields;
}

// One CSV record's fields (RFC 4180 quoting), for ieee-data's one-line records.
std::vector<std::string> csvFields(std::string_view line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') fields.back() += '"', ++i;
            else if (c == '"') quoted = false;
            else fields.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

bool isWordEnd(const std::string& s, std::size_t at)
{
    return at >= s.size() || s[at] == ' ';
}

}  // namespace

std::optional<std::uint64_t> parseMacPrefix(std::string_view text, unsigned& bits)
{
    std::string_view lengthText;
    if (const std::size_t slash = text.find('/'); slash != std::string_view::npos) {
        lengthText = text.substr(slash + 1);
        text = text.substr(0, slash);
    }
    std::uint64_t value = 0;
    unsigned digits = 0;
    bool separated = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ':' || c == '-' || c == '.') {
            separated = true;
            // A separated form may write a byte as one digit ("0:1b:c5"): pad it.
            if (digits % 2 == 1) {
                value = (value & ~0xfull) << 4 | (value & 0xf);
                ++digits;
            }
            continue;
        }
        const int d = hexDigit(c);
        if (d < 0 || digits >= 12) return std::nullopt;
        value = value << 4 | std::uint64_t(d);
        ++digits;
    }
    if (separated && digits % 2 == 1) {
        value = (value & ~0xfull) << 4 | (value & 0xf);
        ++digits;
    }
    if (digits == 0) return std::nullopt;
    bits = digits * 4;
    if (!lengthText.empty()) {
        unsigned written = 0;
        for (const char c : lengthText) {
            if (c < '0' || c > '9') return std::nullopt;
            written = written * 10 + unsigned(c - '0');
            if (written > 48) return std::nullopt;
        }
        if (written == 0) return std::nullopt;
        bits = written;
    }
    if (bits > 48) return std::nullopt;
    value <<= 48 - digits * 4;
    return value & prefixMask(bits);
}

std::string shortVendorName(std::string_view organisation)
{
    // Normalise blanks and put one space at each end, so words can be matched whole.
    std::string s = " ";
    bool blank = false;
    for (const char c : organisation) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            blank = true;
            continue;
        }
        if (blank && s.size() > 1) s += ' ';
        blank = false;
        s += c;
    }
    s += ' ';
    // All capitals become title case.
    const bool hasLower = std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::islower(c); });
    if (!hasLower) {
        bool start = true;
        for (char& c : s) {
            const auto u = static_cast<unsigned char>(c);
            if (std::isalpha(u)) {
                c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
                start = false;
            } else {
                start = true;
            }
        }
    }
    for (char& c : s)
        if (c == '"' || c == '\'' || c == ',' || c == '.' || c == '/' || c == ':' || c == '(' || c == ')') c = ' ';
    for (std::size_t at; (at = s.find(" & ")) != std::string::npos;) s.replace(at, 3, " ");
    // Business words, whole and case-blind, each with the character before it.
    static constexpr std::array<std::string_view, 19> kWords = {
        "the", "incorporated", "inc", "plc", "systems", "corporation", "corp", "s/a", "a/s", "ab",
        "ag", "kg", "gmbh", "company", "co", "limited", "ltd", "holding", "spa"};
    std::string plain;
    for (std::size_t i = 0; i < s.size();) {
        bool dropped = false;
        if (i + 1 < s.size() && !std::isalnum(static_cast<unsigned char>(s[i])) && s[i] != '_') {
            for (const std::string_view w : kWords) {
                if (i + 1 + w.size() > s.size() || !isWordEnd(s, i + 1 + w.size())) continue;
                bool same = true;
                for (std::size_t k = 0; k < w.size() && same; ++k)
                    same = std::tolower(static_cast<unsigned char>(s[i + 1 + k])) == w[k];
                if (same) {
                    i += 1 + w.size();
                    dropped = true;
                    break;
                }
            }
        }
        if (!dropped) plain += s[i++];
    }
    if (plain.find_first_not_of(' ') != std::string::npos) s = plain;
    std::string out;
    for (const char c : s)
        if (c != ' ' && c != '\t') out += c;
    // Cut at 8 bytes, but never inside a UTF-8 sequence.
    if (out.size() > 8) {
        std::size_t cut = 8;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xc0) == 0x80) --cut;
        out.resize(cut);
    }
    return out;
}

void OuiTable::add(std::uint64_t prefix, unsigned bits, std::string_view shortName, std::string_view longName)
{
    if (bits == 0 || bits > 48 || shortName.empty()) return;
    if (longName.empty()) longName = shortName;
    shortName = shortName.substr(0, 0xffff);
    longName = longName.substr(0, 0xffff);
    Entry e;
    e.key = ((prefix & prefixMask(bits)) << 8) | bits;
    e.nameOffset = static_cast<std::uint32_t>(m_names.size());
    e.shortLength = static_cast<std::uint16_t>(shortName.size());
    e.longLength = static_cast<std::uint16_t>(longName.size());
    m_names += shortName;
    m_names += longName;
    m_entries.push_back(e);
    m_sorted = false;
}

std::size_t OuiTable::addManufText(std::string_view text)
{
    const std::size_t before = m_entries.size();
    forEachLine(text, [this](std::string_view line) {
        if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        const auto fields = tabFields(line);
        if (fields.size() < 2) return;
        unsigned bits = 0;
        const auto prefix = parseMacPrefix(fields[0], bits);
        if (!prefix) return;
        add(*prefix, bits, fields[1], fields.size() > 2 ? fields[2] : fields[1]);
    });
    return m_entries.size() - before;
}

std::size_t OuiTable::addIeeeCsv(std::string_view text)
{
    const std::size_t before = m_entries.size();
    forEachLine(text, [this](std::string_view line) {
        const auto fields = csvFields(line);
        if (fields.size() < 3) return;
        const std::string& assignment = fields[1];
        if (assignment.size() != 6 && assignment.size() != 7 && assignment.size() != 9) return;  // header row too
        unsigned bits = 0;
        const auto prefix = parseMacPrefix(assignment, bits);
        if (!prefix) return;
        const std::string_view organisation = trimBlanks(fields[2]);
        const std::string shortName = shortVendorName(organisation);
        add(*prefix, bits, shortName.empty() ? organisation : std::string_view(shortName), organisation);
    });
    return m_entries.size() - before;
}

void OuiTable::sortIfNeeded() const
{
    if (m_sorted) return;
    sortKeepingFirstOfEachKey(m_entries);
    m_sorted = true;
}

std::optional<OuiTable::Match> OuiTable::find(std::uint64_t mac, unsigned bits) const
{
    if (bits == 0 || bits > 48) return std::nullopt;
    sortIfNeeded();
    const std::uint64_t key = ((mac & prefixMask(bits)) << 8) | bits;
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key, [](const Entry& e, std::uint64_t k) { return e.key < k; });
    if (it == m_entries.end() || it->key != key) return std::nullopt;
    const std::string_view names(m_names);
    return Match{names.substr(it->nameOffset, it->shortLength), names.substr(it->nameOffset + it->shortLength, it->longLength), bits};
}

}  // namespace rcvmon::names
