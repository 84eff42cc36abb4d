// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_comments.h"

namespace rcvmon {

bool PacketComments::commentsOf(std::uint64_t number, std::vector<std::string_view>& out) const
{
    out.clear();
    const auto it = m_comments.find(number);
    if (it == m_comments.end()) return false;
    for (const std::string& c : it->second) out.emplace_back(c);
    return true;
}

void PacketComments::set(std::uint64_t number, std::vector<std::string> comments)
{
    m_comments[number] = std::move(comments);
    m_modified = true;
    emit changed(number);
}

void PacketComments::clear()
{
    m_comments.clear();
    m_modified = false;
}

}  // namespace rcvmon
