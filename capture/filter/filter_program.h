// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/field_registry.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace rcvmon {

// How a field's values compare, derived from its FieldKind.
enum class ValueKind : std::uint8_t {
    Number,  // unsigned integers (hex-printed ones too)
    Signed,
    Bool,    // any non-zero value is true, as Wireshark's FT_BOOLEAN
    Ipv4,    // 4 bytes; constants carry a prefix length (CIDR)
    Ipv6,    // 16 bytes; constants carry a prefix length
    Bytes,   // MAC addresses and byte strings: compared byte by byte
    String,
    Time,    // seconds and nanoseconds
};

ValueKind valueKindOf(FieldKind kind);
std::string_view valueKindName(ValueKind kind);

// The fields one name stands for: one registry field, or two for the shorthands that
// test either end (ip.addr is ip.src or ip.dst; tcp.port is tcp.srcport or tcp.dstport).
// How far the quick header pass can answer a test (set once at compile time).
enum class QuickReach : std::uint8_t {
    Always,      // frame metadata: every frame
    SimpleOnly,  // header fields and protocols: frames the quick pass calls simple
    Never,       // needs a dissection
};

struct FieldRef {
    std::array<FieldId, 2> ids{};
    std::uint8_t count = 0;
    ValueKind kind = ValueKind::Number;
    QuickReach quick = QuickReach::Never;
    bool matches(FieldId id) const { return id == ids[0] || (count > 1 && id == ids[1]); }
};

// A value from the filter text, parsed once for the field it is compared with.
struct Constant {
    std::uint64_t number = 0;     // numbers; IPv4 as a host-order integer; time: seconds
    std::uint32_t aux = 0;        // prefix length for addresses; nanoseconds for times
    std::uint32_t poolOffset = 0; // IPv6 addresses, bytes, strings: in FilterProgram::pool
    std::uint32_t poolLength = 0;
};

struct SetElement {
    Constant low, high;  // high == low for a single value
    bool range = false;
};

enum class NodeOp : std::uint8_t {
    MatchAll,          // the empty filter
    And, Or, Not,
    Protocol,          // protocol present: "tcp", "dns"
    ProtocolContains,  // "tcp contains 47:45:54": the protocol's bytes hold the constant
    Exists,            // field present: "tcp.options.mss_val"
    Compare,           // field OP constant
    InSet,             // field in {…}
    Contains,          // field contains constant
    BitAnd,            // field & mask (non-zero), optionally compared: field & mask == value
};

enum class CompareOp : std::uint8_t {
    Eq,     // == : any occurrence equals
    AllNe,  // != : every occurrence differs (Wireshark 4.0)
    AnyNe,  // ~= : some occurrence differs
    AllEq,  // ===: every occurrence equals
    Lt, Le, Gt, Ge,
};

struct FilterNode {
    NodeOp op = NodeOp::MatchAll;
    CompareOp compare = CompareOp::Eq;
    bool hasComparison = false;  // BitAnd: (field & mask) compare constant + 1
    FieldRef field;
    std::uint32_t left = 0, right = 0;   // children of And / Or / Not
    std::uint32_t constant = 0;          // index into constants, or first set element
    std::uint32_t count = 0;             // set elements
    std::uint32_t nameOffset = 0, nameLength = 0;  // protocol name in the pool
    QuickReach protocolQuick = QuickReach::Never;  // Protocol: how far the quick pass knows it
    std::uint16_t protocolBit = 0;                 // Protocol: its QuickProtocol bit
};

// A compiled filter: a tree in one vector, root last; constants pre-parsed. Evaluating it
// reads these vectors only, so matching a packet allocates nothing.
struct FilterProgram {
    std::vector<FilterNode> nodes;
    std::vector<Constant> constants;
    std::vector<SetElement> sets;
    std::vector<std::uint8_t> pool;
    std::uint32_t root = 0;

    std::string_view poolText(std::uint32_t offset, std::uint32_t length) const
    {
        return {reinterpret_cast<const char*>(pool.data()) + offset, length};
    }
    const std::uint8_t* poolBytes(std::uint32_t offset) const { return pool.data() + offset; }
};

}  // namespace rcvmon
