// SPDX-License-Identifier: GPL-2.0-or-later
// One registration per protocol, as Wireshark's proto_register_* / proto_reg_handoff_*: a
// protocol file declares its fields and where it hooks in, in one function
// `registerNAME(ProtocolRegistrar&)` named by its line in protocols/protocols.cmake. Every
// table the rest of RcvMon reads — field ids, names and widths, protocol names, dispatch by
// port, IP protocol, EtherType and heuristic — is built from those calls once, before the
// first dissection, and read-only afterwards.
#pragma once

#include "dissect/field_registry.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace rcvmon {

struct DissectContext;
struct Payload;

// A dissector a table hands a payload to. False: the payload is not this protocol's and
// the next candidate is tried (Wireshark's dissectors that return 0).
using SubDissector = bool (*)(DissectContext& ctx, const Payload& payload);

// State a protocol keeps across frames (request/response matching, sequence number bases),
// as Wireshark's conversation data: one instance per Dissector, made by the protocol's
// factory, forgotten by Dissector::reset(). Frames arrive in file order.
class ProtocolState {
public:
    virtual ~ProtocolState() = default;
    virtual void clear() = 0;
};
using StateFactory = std::unique_ptr<ProtocolState> (*)();

// A field as a protocol declares it. `bits` is Wireshark's integer width (FT_UINT8 is 8…):
// it bounds filter values and sets a hex field's digits.
struct FieldSpec {
    std::string_view name;
    std::string_view label;
    FieldKind kind = FieldKind::Unsigned;
    std::uint8_t bits = 32;
    std::span<const ValueName> values{};
    std::uint64_t bitmask = 0;
};

struct DispatchEntry {
    std::uint32_t key = 0;           // port, IP protocol number or EtherType
    SubDissector dissector = nullptr;
    std::string_view filterName;     // the registering protocol
};

struct ProtocolTables {
    std::vector<FieldInfo> fields;               // indexed by FieldId: core fields, then registered ones
    std::vector<FieldId> fieldsByName;           // sorted by name, for lookups by filters and -e
    std::vector<std::string_view> protocolNames; // filter names of the registered protocols
    std::vector<DispatchEntry> udpPorts, tcpPorts, ipProtocols, etherTypes;  // sorted by key
    std::vector<DispatchEntry> linkTypes;  // by LINKTYPE_* value, sorted; the frame's first layer
    std::vector<DispatchEntry> udpHeuristics, tcpHeuristics;                 // in registration order
    std::vector<StateFactory> states;            // indexed by the slot state() returned

    // Direct indexes of the 16-bit keyed tables (every packet looks up 2-4 keys): entry k is
    // where key k's entries start in the sorted table, entry k + 1 where they end.
    std::vector<std::uint16_t> udpPortStart, tcpPortStart, ipProtocolStart, etherTypeStart;

    // The entries registered for one key, in registration order.
    static std::span<const DispatchEntry> find(const std::vector<DispatchEntry>& table, std::uint32_t key);
};

// Built on first use (thread-safe); the Dissector asks for it when it is constructed.
const ProtocolTables& protocolTables();

// One instance of every registered protocol state, for a new Dissector.
std::vector<std::unique_ptr<ProtocolState>> createProtocolStates();

class ProtocolRegistrar {
public:
    explicit ProtocolRegistrar(ProtocolTables& tables) : m_tables(tables) {}

    // Starts a protocol: its filter name ("dns") names it in filters, frame.protocols and
    // statistics. Fields and hooks that follow belong to it.
    void protocol(std::string_view filterName);
    FieldId field(const FieldSpec& spec);
    void udpPort(std::uint16_t port, SubDissector dissector);
    void tcpPort(std::uint16_t port, SubDissector dissector);
    void udpHeuristic(SubDissector dissector);
    void tcpHeuristic(SubDissector dissector);
    void ipProtocol(std::uint8_t protocol, SubDissector dissector);
    void etherType(std::uint16_t type, SubDissector dissector);
    // A capture's link type (LINKTYPE_* of pcap/pcapng): the dissector of each frame's start.
    void linkType(std::uint32_t type, SubDissector dissector);
    // Reserves a cross-frame state; the slot finds it again in DissectContext::state<T>().
    std::uint16_t state(StateFactory factory);

private:
    void add(std::vector<DispatchEntry>& table, std::uint32_t key, SubDissector dissector);

    ProtocolTables& m_tables;
    std::string_view m_protocol;
};

// Calls every protocol's registration function; generated from protocols/protocols.cmake.
void registerAllProtocols(ProtocolRegistrar& registrar);

}  // namespace rcvmon
