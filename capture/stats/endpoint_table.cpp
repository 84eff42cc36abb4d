// SPDX-License-Identifier: GPL-2.0-or-later
#include "stats/endpoint_table.h"

#include "stats/row_order.h"

namespace rcvmon {

void EndpointTable::add(const StatAddress& address, std::uint16_t port, bool sender, std::uint64_t bytes,
                        const RelativeTime& when)
{
    auto [it, inserted] = m_index.try_emplace(Key{address, port}, static_cast<std::uint32_t>(m_rows.size()));
    if (inserted) {
        Endpoint e;
        e.address = address;
        e.port = port;
        e.start = e.stop = when;
        m_rows.push_back(e);
    }
    Endpoint& e = m_rows[it->second];
    FlowCount& flow = sender ? e.tx : e.rx;
    ++flow.frames;
    flow.bytes += bytes;
    if (e.stop < when) e.stop = when;
    else if (when < e.start) e.start = when;
}

std::vector<std::size_t> EndpointTable::tsharkOrder() const
{
    return rowsByFramesDescending(std::span<const Endpoint>(m_rows));
}

void EndpointTable::clear()
{
    m_rows.clear();
    m_index.clear();
}

}  // namespace rcvmon
