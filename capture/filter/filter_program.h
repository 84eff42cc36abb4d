// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/field_registry.h"

#include <array>
#include <cstdint>
#include <memory>
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

// A slice or function applied to every value of a field before it is tested (Wireshark
// 4.0: eth.src[0:3], len(f), lower(f), upper(f), string(f); count(f) counts occurrences).
enum class ValueTransform : std::uint8_t { None, Slice, Len, Lower, Upper, String, Count };

struct FieldRef {
    std::array<FieldId, 2> ids{};
    std::uint8_t count = 0;
    ValueKind kind = ValueKind::Number;        // of the value tested, after the transform
    ValueKind sourceKind = ValueKind::Number;  // of the field itself
    QuickReach quick = QuickReach::Never;
    ValueTransform transform = ValueTransform::None;
    // Slice: sliceLength bytes from sliceStart (negative: from the end), or to the end.
    std::int32_t sliceStart = 0, sliceLength = 0;
    bool sliceToEnd = false;
    // A protocol's bytes as the value ("tcp[0:2]"): its layer filter name, static storage.
    std::string_view protocol;
    bool matches(FieldId id) const { return id == ids[0] || (count > 1 && id == ids[1]); }
};

class FilterRegex;

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
    ProtocolMatches,   // "frame matches \"(?i)user-agent\"": the protocol's bytes match the regex
    Exists,            // field present: "tcp.options.mss_val"
    Compare,           // field OP constant
    InSet,             // field in {…}
    Contains,          // field contains constant
    BitAnd,            // field & mask (non-zero), optionally compared: field & mask == value
    Matches,           // field matches "regex" (PCRE2, caseless, as Wireshark 4.0)
    CompareFields,     // field OP other field (ip.src == ip.dst): any pair, with OP's all/any rule
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
    FieldRef other;                      // CompareFields: the right-hand field
    std::uint32_t left = 0, right = 0;   // children of And / Or / Not
    std::uint32_t constant = 0;          // index into constants, first set element, or regex (Matches)
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
    std::vector<std::shared_ptr<const FilterRegex>> regexes;  // compiled once; searching is thread-safe
    std::uint32_t root = 0;

    std::string_view poolText(std::uint32_t offset, std::uint32_t length) const
    {
        return {reinterpret_cast<const char*>(pool.data()) + offset, length};
    }
    const std::uint8_t* poolBytes(std::uint32_t offset) const { return pool.data() + offset; }
};

}  // namespace rcvmon
