// SPDX-License-Identifier: GPL-2.0-or-later
#include "names/dns_learned_hosts.h"

#include "dissect/dissection.h"
#include "dissect/field_registry.h"

#include <algorithm>
#include <optional>

namespace rcvmon::names {
namespace {

// DNS registers its fields at start-up, so their ids are looked up by name once.
struct DnsFieldIds {
    std::optional<FieldId> respName, a, aaaa;
};

const DnsFieldIds& dnsFieldIds()
{
    static const DnsFieldIds ids{findField("dns.resp.name"), findField("dns.a"), findField("dns.aaaa")};
    return ids;
}

}  // namespace

bool DnsLearnedHosts::learn(const Dissection& dissection)
{
    const DnsFieldIds& ids = dnsFieldIds();
    if (!ids.respName || (!ids.a && !ids.aaaa)) return false;
    bool changed = false;
    const FieldRecord* owner = nullptr;  // the resource record's name comes before its data
    for (const FieldRecord& f : dissection.fields()) {
        if (f.id == *ids.respName) {
            owner = &f;
        } else if ((ids.a && f.id == *ids.a) || (ids.aaaa && f.id == *ids.aaaa)) {
            if (!owner || owner->layer != f.layer) continue;
            if (auto address = IpAddress::fromBytes(dissection.valueBytes(f)))
                changed = add(*address, dissection.valueText(*owner)) || changed;
        }
    }
    return changed;
}

bool DnsLearnedHosts::add(const IpAddress& address, std::string_view name)
{
    if (name.empty() || name == "<Root>") return false;  // as Wireshark, no empty names
    auto it = m_names.find(address);
    if (it != m_names.end()) {
        if (it->second.name == name) return false;
        it->second = Named{std::string(name), m_next++};
        ++m_generation;
        return true;
    }
    if (m_names.size() >= m_maxEntries) {
        // Forget the older half, so a long capture full of answers stays bounded.
        std::vector<std::uint64_t> orders;
        orders.reserve(m_names.size());
        for (const auto& [a, n] : m_names) orders.push_back(n.order);
        auto middle = orders.begin() + std::ptrdiff_t(orders.size() / 2);
        std::nth_element(orders.begin(), middle, orders.end());
        const std::uint64_t cut = *middle;
        std::erase_if(m_names, [cut](const auto& entry) { return entry.second.order < cut; });
    }
    m_names.emplace(address, Named{std::string(name), m_next++});
    ++m_generation;
    return true;
}

std::string_view DnsLearnedHosts::find(const IpAddress& address) const
{
    const auto it = m_names.find(address);
    return it == m_names.end() ? std::string_view() : std::string_view(it->second.name);
}

void DnsLearnedHosts::clear()
{
    if (m_names.empty()) return;
    m_names.clear();
    ++m_generation;
}

std::vector<std::pair<IpAddress, std::string>> DnsLearnedHosts::entries() const
{
    std::vector<std::pair<std::uint64_t, const IpAddress*>> order;
    order.reserve(m_names.size());
    for (const auto& [a, n] : m_names) order.emplace_back(n.order, &a);
    std::sort(order.begin(), order.end());
    std::vector<std::pair<IpAddress, std::string>> out;
    out.reserve(order.size());
    for (const auto& [o, a] : order) out.emplace_back(*a, m_names.at(*a).name);
    return out;
}

}  // namespace rcvmon::names
