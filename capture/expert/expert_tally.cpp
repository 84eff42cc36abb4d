// SPDX-License-Identifier: GPL-2.0-or-later
#include "expert_tally.h"

#include <array>
#include <cstdio>

namespace rcvmon {

std::string_view expertSeverityName(ExpertSeverity severity)
{
    switch (severity) {
    case ExpertSeverity::Comment: return "Comment";
    case ExpertSeverity::Chat: return "Chat";
    case ExpertSeverity::Note: return "Note";
    case ExpertSeverity::Warning: return "Warning";
    case ExpertSeverity::Error: return "Error";
    }
    return "Unknown";
}

std::string_view expertSeverityHeading(ExpertSeverity severity)
{
    switch (severity) {
    case ExpertSeverity::Comment: return "Comments";
    case ExpertSeverity::Chat: return "Chats";
    case ExpertSeverity::Note: return "Notes";
    case ExpertSeverity::Warning: return "Warns";
    case ExpertSeverity::Error: return "Errors";
    }
    return "Unknown";
}

std::string_view expertGroupName(ExpertGroup group)
{
    static constexpr std::array<std::string_view, 14> names = {
        "Checksum", "Sequence", "Response code", "Request code", "Undecoded", "Reassemble", "Malformed",
        "Debug", "Protocol", "Security", "Comment", "Decryption", "Assumption", "Deprecated",
    };
    const auto i = static_cast<std::size_t>(group);
    return i < names.size() ? names[i] : std::string_view("Unknown");
}

void ExpertTally::add(const ExpertItem& item, std::uint64_t frame)
{
    std::string key;
    key.reserve(item.protocol.size() + item.summary.size() + 4);
    key += static_cast<char>('0' + static_cast<int>(item.severity));
    key += static_cast<char>('A' + static_cast<int>(item.group));
    key.append(item.protocol);
    key += '\0';
    key += item.summary;
    auto [it, inserted] = m_index.try_emplace(std::move(key), m_entries.size());
    if (inserted)
        m_entries.push_back(Entry{item.severity, item.group, std::string(item.protocol), item.summary, item.wireshark, {}});
    m_entries[it->second].frames.push_back(frame);
    ++m_events;
}

void ExpertTally::clear()
{
    m_entries.clear();
    m_index.clear();
    m_events = 0;
}

bool ExpertTally::highest(ExpertSeverity& severity) const
{
    bool found = false;
    for (const Entry& e : m_entries)
        if (!found || e.severity > severity) {
            severity = e.severity;
            found = true;
        }
    return found;
}

std::uint64_t ExpertTally::count(ExpertSeverity severity) const
{
    std::uint64_t n = 0;
    for (const Entry& e : m_entries)
        if (e.severity == severity) n += e.frames.size();
    return n;
}

void appendExpertText(std::string& out, const ExpertTally& tally, ExpertSeverity minimum)
{
    // tshark draws errors, warnings, notes and chats; comments only when asked for them.
    for (int s = static_cast<int>(ExpertSeverity::Error); s >= static_cast<int>(minimum); --s) {
        const auto severity = static_cast<ExpertSeverity>(s);
        std::uint64_t total = 0;
        for (const auto& e : tally.entries())
            if (e.severity == severity && e.wireshark) total += e.frames.size();
        if (total == 0) continue;
        char line[64];
        std::snprintf(line, sizeof line, " (%llu)\n", static_cast<unsigned long long>(total));
        out += '\n';
        out += expertSeverityHeading(severity);
        out += line;
        out += "=============\n";
        out += "   Frequency      Group           Protocol  Summary\n";
        for (const auto& e : tally.entries()) {
            if (e.severity != severity || !e.wireshark) continue;
            const std::string group(expertGroupName(e.group));
            std::snprintf(line, sizeof line, "%12llu %10s ", static_cast<unsigned long long>(e.frames.size()),
                          group.c_str());
            out += line;
            if (e.protocol.size() < 18) out.append(18 - e.protocol.size(), ' ');
            out += e.protocol;
            out += "  ";
            out += e.summary;
            out += '\n';
        }
    }
}

}  // namespace rcvmon
