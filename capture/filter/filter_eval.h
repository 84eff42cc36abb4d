// SPDX-License-Identifier: GPL-2.0-or-later
// Evaluates a FilterProgram against any source of field values: a full Dissection, or the
// quick header pass, which may answer "unknown". Header-only so each source gets its own
// inlined copy; nothing here allocates.
#pragma once

#include "dissect/field_format.h"
#include "filter/filter_program.h"
#include "filter/filter_regex.h"
#include "filter/quick_packet.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
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

// Two field values of one kind (ip.src == ip.dst).
inline int compareValues(ValueKind kind, const FieldValue& a, const FieldValue& b)
{
    switch (kind) {
    case ValueKind::Number:
    case ValueKind::Bool: return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
    case ValueKind::Signed: {
        const auto x = static_cast<std::int64_t>(a.number), y = static_cast<std::int64_t>(b.number);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    case ValueKind::Time:
        if (a.number != b.number) return static_cast<std::int64_t>(a.number) < static_cast<std::int64_t>(b.number) ? -1 : 1;
        return a.aux < b.aux ? -1 : a.aux > b.aux ? 1 : 0;
    case ValueKind::Ipv4:
    case ValueKind::Ipv6:
    case ValueKind::Bytes:
    case ValueKind::String: return compareBytes(a.bytes, b.bytes.data(), b.bytes.size());
    }
    return 0;
}

// The text string() makes of a value: as tshark prints the field, but integers in decimal.
inline void appendValueText(const FieldRef& f, const FieldValue& v, std::string& out)
{
    const FieldInfo& info = fieldInfo(f.ids[0]);
    switch (info.kind) {
    case FieldKind::Unsigned: appendDecimal(out, v.number); break;
    case FieldKind::Signed: appendSigned(out, static_cast<std::int64_t>(v.number)); break;
    case FieldKind::Hex: appendDecimal(out, v.number); break;  // 4.0's string() ignores the display base
    case FieldKind::Bool: out += v.number ? "1" : "0"; break;
    case FieldKind::None: out += '1'; break;
    case FieldKind::Ipv4: appendIpv4(out, v.bytes); break;
    case FieldKind::Ipv6: appendIpv6(out, v.bytes); break;
    case FieldKind::Mac:
    case FieldKind::Bytes: appendMac(out, v.bytes); break;
    case FieldKind::String: out.append(reinterpret_cast<const char*>(v.bytes.data()), v.bytes.size()); break;
    case FieldKind::AbsoluteTime:
    case FieldKind::RelativeTime: appendEpoch(out, static_cast<std::int64_t>(v.number), v.aux); break;
    }
}

// The value a slice or function makes of one occurrence, built in `scratch` where it is new
// text; false when a slice falls outside the value (that occurrence then does not count).
inline bool transformValue(const FieldRef& f, const FieldValue& v, FieldValue& out, std::string& scratch)
{
    const auto asText = [&]() {
        out = FieldValue{0, 0, ByteSpan(reinterpret_cast<const std::uint8_t*>(scratch.data()), scratch.size())};
    };
    switch (f.transform) {
    case ValueTransform::None:
    case ValueTransform::Count: out = v; return true;
    case ValueTransform::Slice: {
        const auto size = static_cast<std::int64_t>(v.bytes.size());
        const std::int64_t start = f.sliceStart < 0 ? size + f.sliceStart : f.sliceStart;
        const std::int64_t length = f.sliceToEnd ? size - start : f.sliceLength;
        if (start < 0 || length < 0 || start + length > size) return false;
        out = FieldValue{0, 0, v.bytes.subspan(static_cast<std::size_t>(start), static_cast<std::size_t>(length))};
        return true;
    }
    case ValueTransform::Len:  // sliceLength: a number's fixed width (see the parser)
        out = FieldValue{f.sliceLength ? static_cast<std::uint64_t>(f.sliceLength) : v.bytes.size(), 0, {}};
        return true;
    case ValueTransform::Lower:
    case ValueTransform::Upper: {
        const bool lower = f.transform == ValueTransform::Lower;
        scratch.assign(reinterpret_cast<const char*>(v.bytes.data()), v.bytes.size());
        for (char& c : scratch) {
            const auto u = static_cast<unsigned char>(c);
            c = static_cast<char>(lower ? std::tolower(u) : std::toupper(u));
        }
        asText();
        return true;
    }
    case ValueTransform::String:
        scratch.clear();
        appendValueText(f, v, scratch);
        asText();
        return true;
    }
    return false;
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
    case NodeOp::Matches: return p.regexes[n.constant]->search(v.bytes);
    case NodeOp::BitAnd: {
        if (kind == ValueKind::Bytes) {  // pairwise over the shorter length; non-zero anywhere
            const Constant& c = p.constants[n.constant];
            const std::uint8_t* mask = p.poolBytes(c.poolOffset);
            for (std::size_t i = 0; i < std::min<std::size_t>(v.bytes.size(), c.poolLength); ++i)
                if (v.bytes[i] & mask[i]) return true;
            return false;
        }
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
// count(f): the number of occurrences is the one value tested.
template <typename Source>
bool testCount(const FilterProgram& p, const FilterNode& n, const Source& source, bool& seen, bool& any, bool& all)
{
    std::uint64_t count = 0;
    if (!source.visit(n.field, [&](const FieldValue&) { ++count; })) return false;
    seen = true;
    any = all = n.op == NodeOp::Exists ? count > 0 : testValue(p, n, FieldValue{count, 0, {}});
    return true;
}

// field OP field: every pair of occurrences, after each side's slice or function.
template <typename Source>
bool testFieldPairs(const FilterNode& n, const Source& source, bool& seen, bool& any, bool& all)
{
    thread_local std::string leftText, rightText;
    bool rightKnown = true;
    const bool leftKnown = source.visit(n.field, [&](const FieldValue& a) {
        FieldValue x;
        if (!transformValue(n.field, a, x, leftText)) return;
        rightKnown = source.visit(n.other, [&](const FieldValue& b) {
            FieldValue y;
            if (!transformValue(n.other, b, y, rightText)) return;
            seen = true;
            const bool r = holds(n.compare, compareValues(n.field.kind, x, y));
            any = any || r;
            all = all && r;
        }) && rightKnown;
    });
    return leftKnown && rightKnown;
}

template <typename Source>
FilterVerdict testField(const FilterProgram& p, const FilterNode& n, const Source& source)
{
    bool seen = false, any = false, all = true;
    bool known = true;
    if (n.op == NodeOp::CompareFields) {
        known = testFieldPairs(n, source, seen, any, all);
    } else if (n.field.transform == ValueTransform::Count) {
        known = testCount(p, n, source, seen, any, all);
    } else {
        thread_local std::string scratch;
        known = source.visit(n.field, [&](const FieldValue& v) {
            FieldValue w;
            if (!transformValue(n.field, v, w, scratch)) return;
            seen = true;
            const bool r = n.op == NodeOp::Exists || testValue(p, n, w);
            any = any || r;
            all = all && r;
        });
    }
    if (!known) return FilterVerdict::Unknown;
    bool result = any;
    if (n.op == NodeOp::Compare || n.op == NodeOp::CompareFields || (n.op == NodeOp::BitAnd && n.hasComparison)) {
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
        return source.protocolBytes(p.poolText(n.nameOffset, n.nameLength), [&](ByteSpan bytes) {
            return containsBytes(bytes, p.poolBytes(c.poolOffset), c.poolLength);
        });
    }
    case NodeOp::ProtocolMatches:
        return source.protocolBytes(p.poolText(n.nameOffset, n.nameLength),
                                    [&](ByteSpan bytes) { return p.regexes[n.constant]->search(bytes); });
    default: return testField(p, n, source);
    }
}

}  // namespace filter_eval
}  // namespace rcvmon
