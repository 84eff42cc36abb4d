// SPDX-License-Identifier: GPL-2.0-or-later
// Evaluates a FilterProgram against any source of field values: a full Dissection, or the
// quick header pass, which may answer "unknown". Header-only so each source gets its own
// inlined copy; nothing here allocates.
#pragma once

#include "filter/filter_program.h"
#include "filter/quick_packet.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace rcvmon {

enum class FilterVerdict : std::uint8_t { Fail, Pass, Unknown };

namespace filter_eval {

inline int compareBytes(ByteSpan a, const std::uint8_t* b, std::size_t bLength)
{
    const std::size_t n = std::min(a.size(), bLength);
    const int c = n ? std::memcmp(a.data(), b, n) : 0;
    if (c != 0) return c < 0 ? -1 : 1;
    return a.size() < bLength ? -1 : a.size() > bLength ? 1 : 0;
}

inline std::uint32_t ipv4Of(ByteSpan b)
{
    if (b.size() < 4) return 0;
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | b[3];
}

// Three-way comparison of a field value with a constant; addresses compare within the
// constant's prefix, so 10.1.2.3 "equals" 10.0.0.0/8.
inline int compareValue(const FilterProgram& p, ValueKind kind, const FieldValue& v, const Constant& c)
{
    switch (kind) {
    case ValueKind::Number: return v.number < c.number ? -1 : v.number > c.number ? 1 : 0;
    case ValueKind::Signed: {
        const auto a = static_cast<std::int64_t>(v.number), b = static_cast<std::int64_t>(c.number);
        return a < b ? -1 : a > b ? 1 : 0;
    }
    case ValueKind::Bool: {
        const bool a = v.number != 0, b = c.number != 0;
        return a == b ? 0 : a ? 1 : -1;
    }
    case ValueKind::Ipv4: {
        const std::uint32_t mask = c.aux == 0 ? 0 : ~std::uint32_t{0} << (32 - c.aux);
        const std::uint32_t a = ipv4Of(v.bytes) & mask, b = static_cast<std::uint32_t>(c.number) & mask;
        return a < b ? -1 : a > b ? 1 : 0;
    }
    case ValueKind::Ipv6: {
        if (v.bytes.size() < 16 || c.poolLength < 16) return compareBytes(v.bytes, p.poolBytes(c.poolOffset), c.poolLength);
        const std::uint8_t* b = p.poolBytes(c.poolOffset);
        for (std::uint32_t i = 0, bits = c.aux; i < 16 && bits > 0; ++i, bits = bits > 8 ? bits - 8 : 0) {
            const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
            const unsigned x = v.bytes[i] & mask, y = b[i] & mask;
            if (x != y) return x < y ? -1 : 1;
        }
        return 0;
    }
    case ValueKind::Bytes:
    case ValueKind::String: return compareBytes(v.bytes, p.poolBytes(c.poolOffset), c.poolLength);
    case ValueKind::Time: {
        const auto a = static_cast<std::int64_t>(v.number), b = static_cast<std::int64_t>(c.number);
        if (a != b) return a < b ? -1 : 1;
        return v.aux < c.aux ? -1 : v.aux > c.aux ? 1 : 0;
    }
    }
    return 0;
}

inline bool holds(CompareOp op, int order)
{
    switch (op) {
    case CompareOp::Eq:
    case CompareOp::AllNe:  // per value: equality; the aggregate negates it
    case CompareOp::AnyNe:
    case CompareOp::AllEq: return order == 0;
    case CompareOp::Lt: return order < 0;
    case CompareOp::Le: return order <= 0;
    case CompareOp::Gt: return order > 0;
    case CompareOp::Ge: return order >= 0;
    }
    return false;
}

inline bool containsBytes(ByteSpan haystack, const std::uint8_t* needle, std::size_t length)
{
    if (length == 0) return true;
    if (haystack.size() < length) return false;
    return std::search(haystack.begin(), haystack.end(), needle, needle + length) != haystack.end();
}

// One occurrence against one test node.
inline bool testValue(const FilterProgram& p, const FilterNode& n, const FieldValue& v)
{
    const ValueKind kind = n.field.kind;
    switch (n.op) {
    case NodeOp::Compare: return holds(n.compare, compareValue(p, kind, v, p.constants[n.constant]));
    case NodeOp::InSet:
        for (std::uint32_t i = 0; i < n.count; ++i) {
            const SetElement& e = p.sets[n.constant + i];
            if (!e.range) {
                if (compareValue(p, kind, v, e.low) == 0) return true;
            } else if (compareValue(p, kind, v, e.low) >= 0 && compareValue(p, kind, v, e.high) <= 0) {
                return true;
            }
        }
        return false;
    case NodeOp::Contains: {
        const Constant& c = p.constants[n.constant];
        return containsBytes(v.bytes, p.poolBytes(c.poolOffset), c.poolLength);
    }
    case NodeOp::BitAnd: {
        const std::uint64_t masked = v.number & p.constants[n.constant].number;
        if (!n.hasComparison) return masked != 0;
        FieldValue m;
        m.number = masked;
        return holds(n.compare, compareValue(p, ValueKind::Number, m, p.constants[n.constant + 1]));
    }
    default: return true;  // Exists: any occurrence will do
    }
}

// A field test over every occurrence, with Wireshark 4.0's rules: "==" and the orderings
// hold when any occurrence does, "!=" when all differ, "~=" when any differs, "===" when
// all equal; none of them holds for an absent field.
template <typename Source>
FilterVerdict testField(const FilterProgram& p, const FilterNode& n, const Source& source)
{
    bool seen = false, any = false, all = true;
    const bool known = source.visit(n.field, [&](const FieldValue& v) {
        seen = true;
        const bool r = n.op == NodeOp::Exists || testValue(p, n, v);
        any = any || r;
        all = all && r;
    });
    if (!known) return FilterVerdict::Unknown;
    bool result = any;
    if (n.op == NodeOp::Compare || (n.op == NodeOp::BitAnd && n.hasComparison)) {
        if (n.compare == CompareOp::AllNe) result = seen && !any;
        else if (n.compare == CompareOp::AnyNe) result = seen && !all;
        else if (n.compare == CompareOp::AllEq) result = seen && all;
    }
    return result ? FilterVerdict::Pass : FilterVerdict::Fail;
}

template <typename Source>
FilterVerdict evaluate(const FilterProgram& p, std::uint32_t index, const Source& source)
{
    const FilterNode& n = p.nodes[index];
    switch (n.op) {
    case NodeOp::MatchAll: return FilterVerdict::Pass;
    case NodeOp::And: {
        const FilterVerdict l = evaluate(p, n.left, source);
        if (l == FilterVerdict::Fail) return l;
        const FilterVerdict r = evaluate(p, n.right, source);
        if (r == FilterVerdict::Fail) return r;
        return l == FilterVerdict::Pass && r == FilterVerdict::Pass ? FilterVerdict::Pass : FilterVerdict::Unknown;
    }
    case NodeOp::Or: {
        const FilterVerdict l = evaluate(p, n.left, source);
        if (l == FilterVerdict::Pass) return l;
        const FilterVerdict r = evaluate(p, n.right, source);
        if (r == FilterVerdict::Pass) return r;
        return l == FilterVerdict::Fail && r == FilterVerdict::Fail ? FilterVerdict::Fail : FilterVerdict::Unknown;
    }
    case NodeOp::Not: {
        const FilterVerdict v = evaluate(p, n.left, source);
        return v == FilterVerdict::Unknown ? v : v == FilterVerdict::Pass ? FilterVerdict::Fail : FilterVerdict::Pass;
    }
    case NodeOp::Protocol: return source.protocol(n, p.poolText(n.nameOffset, n.nameLength));
    case NodeOp::ProtocolContains: {
        const Constant& c = p.constants[n.constant];
        return source.protocolContains(p.poolText(n.nameOffset, n.nameLength), p.poolBytes(c.poolOffset), c.poolLength);
    }
    default: return testField(p, n, source);
    }
}

}  // namespace filter_eval
}  // namespace rcvmon
