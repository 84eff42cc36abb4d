// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/protocol_registry.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace rcvmon {
namespace {

#define RCVMON_FIELD_INFO(id, name, label, kind, digits) FieldInfo{name, label, FieldKind::kind, digits},
constexpr FieldInfo kCoreFields[] = {RCVMON_FIELDS(RCVMON_FIELD_INFO)};
#undef RCVMON_FIELD_INFO

void sortByKey(std::vector<DispatchEntry>& table)
{
    std::stable_sort(table.begin(), table.end(),
                     [](const DispatchEntry& a, const DispatchEntry& b) { return a.key < b.key; });
}

// start[k]..start[k + 1]: key k's entries in the sorted table. Left empty (find() then
// searches) when a key is out of range or the table is too long for 16-bit positions.
void indexByKey(const std::vector<DispatchEntry>& table, std::uint32_t maxKey, std::vector<std::uint16_t>& start)
{
    start.clear();
    if (table.size() >= 0xffff) return;
    for (const DispatchEntry& e : table)
        if (e.key > maxKey) return;
    start.resize(std::size_t{maxKey} + 2);
    std::size_t i = 0;
    for (std::uint32_t k = 0; k <= maxKey + 1; ++k) {
        while (i < table.size() && table[i].key < k) ++i;
        start[k] = static_cast<std::uint16_t>(i);
    }
}

ProtocolTables buildTables()
{
    ProtocolTables t;
    t.fields.assign(std::begin(kCoreFields), std::end(kCoreFields));
    ProtocolRegistrar registrar(t);
    registerAllProtocols(registrar);

    t.fieldsByName.resize(t.fields.size());
    for (std::size_t i = 0; i < t.fields.size(); ++i) t.fieldsByName[i] = static_cast<FieldId>(i);
    std::stable_sort(t.fieldsByName.begin(), t.fieldsByName.end(),
                     [&](FieldId a, FieldId b) { return t.fields[a].name < t.fields[b].name; });
    // A name registered twice is a programming error that would make one field unreachable.
    for (std::size_t i = 1; i < t.fieldsByName.size(); ++i) {
        if (t.fields[t.fieldsByName[i]].name == t.fields[t.fieldsByName[i - 1]].name) {
            const std::string_view name = t.fields[t.fieldsByName[i]].name;
            std::fprintf(stderr, "rcvmon: field '%.*s' is registered twice\n", static_cast<int>(name.size()), name.data());
            std::abort();
        }
    }
    for (auto* table : {&t.udpPorts, &t.tcpPorts, &t.ipProtocols, &t.etherTypes, &t.linkTypes}) sortByKey(*table);
    indexByKey(t.udpPorts, 0xffff, t.udpPortStart);
    indexByKey(t.tcpPorts, 0xffff, t.tcpPortStart);
    indexByKey(t.ipProtocols, 0xff, t.ipProtocolStart);
    indexByKey(t.etherTypes, 0xffff, t.etherTypeStart);
    return t;
}

}  // namespace

std::span<const DispatchEntry> ProtocolTables::find(const std::vector<DispatchEntry>& table, std::uint32_t key)
{
    const ProtocolTables& t = protocolTables();
    const std::vector<std::uint16_t>* start = &table == &t.tcpPorts      ? &t.tcpPortStart
                                              : &table == &t.udpPorts    ? &t.udpPortStart
                                              : &table == &t.etherTypes  ? &t.etherTypeStart
                                              : &table == &t.ipProtocols ? &t.ipProtocolStart
                                                                         : nullptr;
    if (start && !start->empty()) {
        if (std::size_t{key} + 1 >= start->size()) return {};
        return {table.data() + (*start)[key], table.data() + (*start)[key + 1]};
    }
    const auto lower = std::lower_bound(table.begin(), table.end(), key,
                                        [](const DispatchEntry& e, std::uint32_t k) { return e.key < k; });
    auto upper = lower;
    while (upper != table.end() && upper->key == key) ++upper;
    return {lower, upper};
}

const ProtocolTables& protocolTables()
{
    static const ProtocolTables tables = buildTables();
    return tables;
}

void ProtocolRegistrar::protocol(std::string_view filterName)
{
    m_protocol = filterName;
    if (std::find(m_tables.protocolNames.begin(), m_tables.protocolNames.end(), filterName) ==
        m_tables.protocolNames.end())
        m_tables.protocolNames.push_back(filterName);
}

FieldId ProtocolRegistrar::field(const FieldSpec& spec)
{
    // A protocol that borrows another's fields (SSDP records HTTP's, as Wireshark's SSDP is
    // its HTTP dissector) gets the same id, whichever registers first.
    for (std::size_t i = field::Count; i < m_tables.fields.size(); ++i)
        if (m_tables.fields[i].name == spec.name) return static_cast<FieldId>(i);
    const auto digits = static_cast<std::uint8_t>(spec.kind == FieldKind::Hex ? (spec.bits + 3) / 4 : 0);
    m_tables.fields.push_back(FieldInfo{spec.name, spec.label, spec.kind, digits, spec.bits, spec.values, spec.bitmask});
    return static_cast<FieldId>(m_tables.fields.size() - 1);
}

void ProtocolRegistrar::add(std::vector<DispatchEntry>& table, std::uint32_t key, SubDissector dissector)
{
    table.push_back(DispatchEntry{key, dissector, m_protocol});
}

void ProtocolRegistrar::udpPort(std::uint16_t port, SubDissector d) { add(m_tables.udpPorts, port, d); }
void ProtocolRegistrar::tcpPort(std::uint16_t port, SubDissector d) { add(m_tables.tcpPorts, port, d); }
void ProtocolRegistrar::udpHeuristic(SubDissector d) { add(m_tables.udpHeuristics, 0, d); }
void ProtocolRegistrar::tcpHeuristic(SubDissector d) { add(m_tables.tcpHeuristics, 0, d); }
void ProtocolRegistrar::ipProtocol(std::uint8_t protocol, SubDissector d) { add(m_tables.ipProtocols, protocol, d); }
void ProtocolRegistrar::etherType(std::uint16_t type, SubDissector d) { add(m_tables.etherTypes, type, d); }
void ProtocolRegistrar::linkType(std::uint32_t type, SubDissector d) { add(m_tables.linkTypes, type, d); }

std::uint16_t ProtocolRegistrar::state(StateFactory factory)
{
    m_tables.states.push_back(factory);
    return static_cast<std::uint16_t>(m_tables.states.size() - 1);
}

std::vector<std::unique_ptr<ProtocolState>> createProtocolStates()
{
    std::vector<std::unique_ptr<ProtocolState>> states;
    for (const StateFactory factory : protocolTables().states) states.push_back(factory());
    return states;
}

}  // namespace rcvmon
