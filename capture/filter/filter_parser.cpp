// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter/filter_parser.h"

#include "filter/filter_lexer.h"
#include "filter/filter_literals.h"
#include "filter/filter_names.h"
#include "filter/filter_regex.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace rcvmon {
namespace {

constexpr std::uint32_t kFailed = 0xffffffffu;

std::string quoted(std::string_view text)
{
    std::string out;  // built by appends: GCC 12 warns falsely (-Wrestrict) on "\"" + string
    out.reserve(text.size() + 2);
    out.push_back('"');
    out.append(text);
    out.push_back('"');
    return out;
}

std::optional<CompareOp> compareOpOf(const Token& t)
{
    switch (t.kind) {
    case TokenKind::Eq: return CompareOp::Eq;
    case TokenKind::Ne: return CompareOp::AllNe;
    case TokenKind::AnyNe: return CompareOp::AnyNe;
    case TokenKind::AllEq: return CompareOp::AllEq;
    case TokenKind::Lt: return CompareOp::Lt;
    case TokenKind::Le: return CompareOp::Le;
    case TokenKind::Gt: return CompareOp::Gt;
    case TokenKind::Ge: return CompareOp::Ge;
    default: break;
    }
    if (t.kind != TokenKind::Word) return std::nullopt;
    const std::string_view w = t.text;
    if (w == "eq" || w == "any_eq") return CompareOp::Eq;
    if (w == "ne" || w == "all_ne") return CompareOp::AllNe;
    if (w == "any_ne") return CompareOp::AnyNe;
    if (w == "all_eq") return CompareOp::AllEq;
    if (w == "lt") return CompareOp::Lt;
    if (w == "le") return CompareOp::Le;
    if (w == "gt") return CompareOp::Gt;
    if (w == "ge") return CompareOp::Ge;
    return std::nullopt;
}

bool isWord(const Token& t, std::string_view w) { return t.kind == TokenKind::Word && t.text == w; }

// Wireshark 4.0's display-filter functions: name → what they do to each value.
std::optional<ValueTransform> functionOf(std::string_view name)
{
    if (name == "len") return ValueTransform::Len;
    if (name == "count") return ValueTransform::Count;
    if (name == "lower") return ValueTransform::Lower;
    if (name == "upper") return ValueTransform::Upper;
    if (name == "string") return ValueTransform::String;
    return std::nullopt;
}

bool sliceable(ValueKind k)
{
    return k == ValueKind::Bytes || k == ValueKind::String || k == ValueKind::Ipv4 || k == ValueKind::Ipv6;
}

bool parseInt(std::string_view text, std::int32_t& out)
{
    bool negative = !text.empty() && text[0] == '-';
    if (negative) text.remove_prefix(1);
    if (text.empty() || text.size() > 9) return false;
    std::int32_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = negative ? -v : v;
    return true;
}

// A slice's range as Wireshark writes it: [i], [i:n], [i-j], [:n], [i:] (i may be negative).
bool parseSliceSpec(std::string_view spec, FieldRef& f)
{
    const auto colon = spec.find(':');
    if (colon != std::string_view::npos) {
        const std::string_view start = spec.substr(0, colon), length = spec.substr(colon + 1);
        if (!start.empty() && !parseInt(start, f.sliceStart)) return false;
        if (length.empty()) {
            f.sliceToEnd = true;
            return true;
        }
        return parseInt(length, f.sliceLength) && f.sliceLength >= 0;
    }
    const auto dash = spec.find('-', 1);
    if (dash != std::string_view::npos) {
        std::int32_t end = 0;
        if (!parseInt(spec.substr(0, dash), f.sliceStart) || !parseInt(spec.substr(dash + 1), end)) return false;
        if (f.sliceStart < 0 || end < f.sliceStart) return false;
        f.sliceLength = end - f.sliceStart + 1;
        return true;
    }
    f.sliceLength = 1;
    return parseInt(spec, f.sliceStart);
}

class Parser {
public:
    Parser(std::vector<Token> tokens, FilterProgram& program, FilterError& error)
        : m_tokens(std::move(tokens)), m_program(program), m_error(error)
    {
    }

    bool run()
    {
        if (peek().kind == TokenKind::End) {
            m_program.root = add(FilterNode{});
            return true;
        }
        const std::uint32_t root = parseOr();
        if (root == kFailed) return false;
        if (peek().kind != TokenKind::End) return unexpected(peek());
        m_program.root = root;
        return true;
    }

private:
    const Token& peek(std::size_t ahead = 0) const
    {
        const std::size_t i = m_pos + ahead;
        return m_tokens[i < m_tokens.size() ? i : m_tokens.size() - 1];
    }
    const Token& take() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }

    bool fail(std::string message, std::uint32_t column)
    {
        if (m_error.message.empty()) m_error = {std::move(message), column};
        return false;
    }
    bool unexpected(const Token& t)
    {
        if (t.kind == TokenKind::End) return fail("the filter ends too early", t.column);
        return fail(quoted(t.text) + " was unexpected", t.column);
    }
    // The same, for the functions that return a node index.
    std::uint32_t failNode(std::string message, std::uint32_t column)
    {
        fail(std::move(message), column);
        return kFailed;
    }
    std::uint32_t unexpectedNode(const Token& t)
    {
        unexpected(t);
        return kFailed;
    }

    std::uint32_t add(const FilterNode& node)
    {
        m_program.nodes.push_back(node);
        return static_cast<std::uint32_t>(m_program.nodes.size() - 1);
    }
    std::uint32_t binary(NodeOp op, std::uint32_t left, std::uint32_t right)
    {
        FilterNode n;
        n.op = op;
        n.left = left;
        n.right = right;
        return add(n);
    }

    std::uint32_t parseOr()
    {
        std::uint32_t left = parseAnd();
        while (left != kFailed && (peek().kind == TokenKind::Or || isWord(peek(), "or"))) {
            take();
            const std::uint32_t right = parseAnd();
            if (right == kFailed) return kFailed;
            left = binary(NodeOp::Or, left, right);
        }
        return left;
    }

    std::uint32_t parseAnd()
    {
        std::uint32_t left = parseNot();
        while (left != kFailed && (peek().kind == TokenKind::And || isWord(peek(), "and"))) {
            take();
            const std::uint32_t right = parseNot();
            if (right == kFailed) return kFailed;
            left = binary(NodeOp::And, left, right);
        }
        return left;
    }

    std::uint32_t parseNot()
    {
        if (peek().kind == TokenKind::Not || isWord(peek(), "not")) {
            take();
            const std::uint32_t operand = parseNot();
            if (operand == kFailed) return kFailed;
            return binary(NodeOp::Not, operand, 0);
        }
        return parsePrimary();
    }

    std::uint32_t parsePrimary()
    {
        const Token& t = peek();
        if (t.kind == TokenKind::LParen) {
            take();
            const std::uint32_t inner = parseOr();
            if (inner == kFailed) return kFailed;
            if (peek().kind != TokenKind::RParen) return unexpectedNode(peek());
            take();
            return inner;
        }
        if (t.kind != TokenKind::Word) return unexpectedNode(t);
        if (functionOf(t.text) && peek(1).kind == TokenKind::LParen) {
            FieldRef f;
            const Token& name = peek();
            if (!parseFunction(f)) return kFailed;
            return parseComparison(f, name);
        }
        return parseTest(take());
    }

    // name(field): the function's transform on the field, and the kind of value it makes.
    bool parseFunction(FieldRef& f)
    {
        const Token& name = take();
        const ValueTransform transform = *functionOf(name.text);
        take();  // (
        const Token& arg = take();
        if (arg.kind != TokenKind::Word) return unexpected(arg);
        std::string_view refusal;
        const std::optional<FilterName> resolved = resolveFilterName(arg.text, refusal);
        if (!resolved || resolved->kind != FilterName::Kind::Field)
            return fail(std::string(name.text) + "() takes a field, not " + quoted(arg.text), arg.column);
        if (peek().kind != TokenKind::RParen) return unexpected(peek());
        take();
        f = resolved->field;
        f.transform = transform;
        const ValueKind source = f.kind;
        switch (transform) {
        case ValueTransform::Len:
            // A number's length is its type's width in bytes (FT_UINT16: 2), as Wireshark's len().
            if (!sliceable(source)) {
                const std::uint64_t max = source == ValueKind::Number ? maxFieldValue(f.ids[0]) : 0;
                if (max == 0 || f.count != 1) return fail("len() takes a field with a length", arg.column);
                f.sliceLength = max <= 0xff ? 1 : max <= 0xffff ? 2 : max <= 0xffffff ? 3 : max <= 0xffffffffull ? 4 : 8;
            }
            f.kind = ValueKind::Number;
            break;
        case ValueTransform::Count: f.kind = ValueKind::Number; break;
        case ValueTransform::Lower:
        case ValueTransform::Upper:
            if (source != ValueKind::String) return fail(std::string(name.text) + "() takes a text field", arg.column);
            break;
        case ValueTransform::String: f.kind = ValueKind::String; break;
        default: break;
        }
        return true;
    }

    // field[slice]: the bytes of each value, as Wireshark slices them.
    bool parseSlice(FieldRef& f, const Token& nameToken)
    {
        take();  // [
        FieldRef sliced = f;
        const Token& spec = peek();
        if (spec.kind == TokenKind::Word) take();
        if (peek().kind != TokenKind::RBracket) return unexpected(peek());
        take();
        if (!sliceable(f.kind)) return fail(std::string(nameToken.text) + " (" + std::string(valueKindName(f.kind)) +
                                                ") cannot be sliced", nameToken.column);
        if (spec.kind != TokenKind::Word || !parseSliceSpec(spec.text, sliced))
            return fail("invalid slice " + quoted(spec.kind == TokenKind::Word ? spec.text : std::string_view()),
                        spec.column);
        sliced.transform = ValueTransform::Slice;
        sliced.kind = ValueKind::Bytes;
        f = sliced;
        return true;
    }

    std::uint32_t parseTest(const Token& nameToken)
    {
        std::string_view refusal;
        const std::optional<FilterName> name = resolveFilterName(nameToken.text, refusal);
        if (!name) {
            if (!refusal.empty()) return failNode(std::string(nameToken.text) + " " + std::string(refusal), nameToken.column);
            if (compareOpOf(nameToken) || isWord(nameToken, "and") || isWord(nameToken, "or") ||
                isWord(nameToken, "contains") || isWord(nameToken, "in") || isWord(nameToken, "matches"))
                return unexpectedNode(nameToken);
            return failNode("unknown field " + quoted(nameToken.text), nameToken.column);
        }
        if (name->kind == FilterName::Kind::Protocol) {
            if (peek().kind != TokenKind::LBracket) return parseProtocolTest(*name, nameToken);
            // A slice of the protocol's bytes: "tcp[0:2] == 00:50".
            FieldRef bytes;
            bytes.kind = bytes.sourceKind = ValueKind::Bytes;
            bytes.protocol = name->protocol;
            if (!parseSlice(bytes, nameToken)) return kFailed;
            return parseComparison(bytes, nameToken);
        }
        FieldRef f = name->field;
        if (peek().kind == TokenKind::LBracket && !parseSlice(f, nameToken)) return kFailed;
        return parseComparison(f, nameToken);
    }

    // The right-hand side is another field (or its slice or function) rather than a value.
    // An unquoted word that names a field is a field, except beside a text field, where
    // Wireshark 4.0 reads it as the text.
    bool rightIsField(const FieldRef& left) const
    {
        const Token& t = peek();
        if (t.kind != TokenKind::Word) return false;
        if (functionOf(t.text) && peek(1).kind == TokenKind::LParen) return true;
        if (left.kind == ValueKind::String && left.transform == ValueTransform::None) return false;
        std::string_view refusal;
        const auto name = resolveFilterName(t.text, refusal);
        if (name && name->kind == FilterName::Kind::Protocol) return peek(1).kind == TokenKind::LBracket;
        return name && name->kind == FilterName::Kind::Field;
    }

    std::uint32_t parseFieldComparison(FilterNode node, const Token& nameToken)
    {
        const Token& otherToken = peek();
        FieldRef other;
        if (functionOf(otherToken.text) && peek(1).kind == TokenKind::LParen) {
            if (!parseFunction(other)) return kFailed;
        } else {
            std::string_view refusal;
            const FilterName name = *resolveFilterName(take().text, refusal);
            if (name.kind == FilterName::Kind::Protocol) {
                other.kind = other.sourceKind = ValueKind::Bytes;
                other.protocol = name.protocol;
            } else {
                other = name.field;
            }
            if (peek().kind == TokenKind::LBracket && !parseSlice(other, otherToken)) return kFailed;
        }
        const bool addresses = node.field.kind == ValueKind::Ipv4 || node.field.kind == ValueKind::Ipv6;
        if (other.kind != node.field.kind && !(addresses && other.kind == ValueKind::Bytes))
            return failNode(std::string(nameToken.text) + " (" + std::string(valueKindName(node.field.kind)) +
                                ") and " + std::string(otherToken.text) + " (" + std::string(valueKindName(other.kind)) +
                                ") cannot be compared",
                            otherToken.column);
        node.op = NodeOp::CompareFields;
        node.other = other;
        return add(node);
    }

    std::uint32_t parseComparison(const FieldRef& field, const Token& nameToken)
    {
        const Token& next = peek();
        FilterNode node;
        node.field = field;
        if (const auto op = compareOpOf(next)) {
            take();
            node.compare = *op;
            if (rightIsField(field)) return parseFieldComparison(node, nameToken);
            node.op = NodeOp::Compare;
            node.constant = parseConstant(node.field, take(), false);
            return node.constant == kFailed ? kFailed : add(node);
        }
        if (isWord(next, "contains")) {
            take();
            const ValueKind k = node.field.kind;
            if (k != ValueKind::Bytes && k != ValueKind::String)
                return cannot(nameToken, node.field, "contains");
            node.op = NodeOp::Contains;
            node.constant = parseConstant(node.field, take(), true);
            return node.constant == kFailed ? kFailed : add(node);
        }
        if (isWord(next, "matches")) {
            take();
            const ValueKind k = node.field.kind;
            if (k != ValueKind::Bytes && k != ValueKind::String) return cannot(nameToken, node.field, "matches");
            const Token& pattern = take();
            if (pattern.kind != TokenKind::String)
                return failNode("\"matches\" takes a quoted regular expression", pattern.column);
            std::string why;
            auto regex = FilterRegex::compile(pattern.value, why);
            if (!regex) return failNode("invalid regular expression: " + why, pattern.column);
            node.op = NodeOp::Matches;
            node.constant = static_cast<std::uint32_t>(m_program.regexes.size());
            m_program.regexes.push_back(std::move(regex));
            return add(node);
        }
        if (isWord(next, "in") || (isWord(next, "not") && isWord(peek(1), "in"))) {
            const bool negated = isWord(next, "not");
            take();
            if (negated) take();
            // 4.0 tests only a field's own values for membership, not a slice or function's.
            if (node.field.transform != ValueTransform::None)
                return failNode("only a field may be tested for membership in a set", next.column);
            node.op = NodeOp::InSet;
            if (!parseSet(node)) return kFailed;
            const std::uint32_t in = add(node);
            // "a not in S" is "not (a in S)": true also when the field is absent (tshark 4.0).
            return negated ? binary(NodeOp::Not, in, 0) : in;
        }
        if (next.kind == TokenKind::BitAnd || isWord(next, "bitwise_and")) {
            take();
            const ValueKind k = node.field.kind;
            if (k == ValueKind::Bytes) return parseBytesAnd(node, nameToken);
            if (k != ValueKind::Number && k != ValueKind::Bool) return cannot(nameToken, node.field, "&");
            node.op = NodeOp::BitAnd;
            node.constant = parseConstant(node.field, take(), false);
            if (node.constant == kFailed) return kFailed;
            if (const auto op = compareOpOf(peek())) {
                take();
                node.hasComparison = true;
                node.compare = *op;
                if (parseConstant(node.field, take(), false) == kFailed) return kFailed;
            }
            return add(node);
        }
        node.op = NodeOp::Exists;
        return add(node);
    }

    std::uint32_t parseProtocolTest(const FilterName& name, const Token& nameToken)
    {
        FilterNode node;
        node.nameOffset = static_cast<std::uint32_t>(m_program.pool.size());
        node.nameLength = static_cast<std::uint32_t>(name.protocol.size());
        m_program.pool.insert(m_program.pool.end(), name.protocol.begin(), name.protocol.end());
        if (isWord(peek(), "contains")) {
            take();
            FieldRef bytes;
            bytes.kind = ValueKind::Bytes;
            node.op = NodeOp::ProtocolContains;
            node.constant = parseConstant(bytes, take(), true);
            return node.constant == kFailed ? kFailed : add(node);
        }
        if (isWord(peek(), "matches")) {
            take();
            const Token& pattern = take();
            if (pattern.kind != TokenKind::String)
                return failNode("\"matches\" takes a quoted regular expression", pattern.column);
            std::string why;
            auto regex = FilterRegex::compile(pattern.value, why);
            if (!regex) return failNode("invalid regular expression: " + why, pattern.column);
            node.op = NodeOp::ProtocolMatches;
            node.constant = static_cast<std::uint32_t>(m_program.regexes.size());
            m_program.regexes.push_back(std::move(regex));
            return add(node);
        }
        if (compareOpOf(peek()) || isWord(peek(), "in") || peek().kind == TokenKind::BitAnd)
            return failNode(std::string(nameToken.text) + " is a protocol: test it alone or with \"contains\" or \"matches\"",
                        peek().column);
        node.op = NodeOp::Protocol;
        return add(node);
    }

    // bytes & mask (eth.src[0] & 0x02): Wireshark 4.0 ANDs the bytes pairwise and the test
    // holds when a byte of the result is non-zero. An integer mask is its big-endian bytes.
    std::uint32_t parseBytesAnd(FilterNode& node, const Token& nameToken)
    {
        const Token& t = take();
        std::uint64_t number = 0;
        if (t.kind == TokenKind::Word && parseUnsignedLiteral(t.text, number)) {
            std::uint8_t bytes[8];
            std::size_t n = 0;
            for (std::uint64_t v = number; n == 0 || v != 0; v >>= 8) bytes[n++] = static_cast<std::uint8_t>(v);
            std::reverse(bytes, bytes + n);
            node.constant = pushConstant(pooled(bytes, n));
        } else {
            node.constant = parseConstant(node.field, t, true);
        }
        if (node.constant == kFailed) return kFailed;
        if (compareOpOf(peek()))
            return failNode(std::string(nameToken.text) + " & …: comparing a byte string's masked value is not supported",
                            peek().column);
        node.op = NodeOp::BitAnd;
        return add(node);
    }

    std::uint32_t cannot(const Token& nameToken, const FieldRef& f, std::string_view op)
    {
        return failNode(std::string(nameToken.text) + " (" + std::string(valueKindName(f.kind)) + ") cannot be used with " +
                        quoted(op), nameToken.column);
    }

    // { value, low..high, ... } into m_program.sets; elements are separated by commas (4.0).
    bool parseSet(FilterNode& node)
    {
        if (peek().kind != TokenKind::LBrace) return unexpected(peek());
        take();
        node.constant = static_cast<std::uint32_t>(m_program.sets.size());
        while (true) {
            const Token& t = take();
            if (t.kind != TokenKind::Word && t.kind != TokenKind::String) return unexpected(t);
            SetElement e;
            const auto dots = t.kind == TokenKind::Word ? t.text.find("..") : std::string_view::npos;
            if (dots != std::string_view::npos) {
                // "8000..8080" arrives as one word: split it, columns kept for errors.
                Token low = t, high = t;
                low.text = t.text.substr(0, dots);
                high.text = t.text.substr(dots + 2);
                high.column = t.column + static_cast<std::uint32_t>(dots + 2);
                if (low.text.empty()) return fail(quoted("..") + " was unexpected", t.column);
                if (high.text.empty()) return unexpected(peek());
                if (!setValue(node.field, low, e.low) || !setValue(node.field, high, e.high)) return false;
                e.range = true;
            } else {
                if (!setValue(node.field, t, e.low)) return false;
                e.high = e.low;
                if (peek().kind == TokenKind::DotDot) {
                    take();
                    const Token& h = take();
                    if (h.kind != TokenKind::Word && h.kind != TokenKind::String) return unexpected(h);
                    if (!setValue(node.field, h, e.high)) return false;
                    e.range = true;
                }
            }
            m_program.sets.push_back(e);
            ++node.count;
            const Token& sep = peek();
            if (sep.kind == TokenKind::RBrace) {
                take();
                return true;
            }
            if (sep.kind == TokenKind::Comma) {
                take();
                continue;
            }
            if (sep.kind == TokenKind::Word || sep.kind == TokenKind::String)
                return fail("set elements are separated by commas: " + quoted(sep.text) + " was unexpected", sep.column);
            return unexpected(sep);
        }
    }

    bool setValue(const FieldRef& f, const Token& t, Constant& out)
    {
        const std::uint32_t index = parseConstant(f, t, false);
        if (index == kFailed) return false;
        out = m_program.constants[index];
        m_program.constants.pop_back();  // set elements live in sets, not constants
        return true;
    }

    std::uint32_t pushConstant(const Constant& c)
    {
        m_program.constants.push_back(c);
        return static_cast<std::uint32_t>(m_program.constants.size() - 1);
    }
    Constant pooled(const void* data, std::size_t size)
    {
        Constant c;
        c.poolOffset = static_cast<std::uint32_t>(m_program.pool.size());
        c.poolLength = static_cast<std::uint32_t>(size);
        const auto* bytes = static_cast<const std::uint8_t*>(data);
        m_program.pool.insert(m_program.pool.end(), bytes, bytes + size);
        return c;
    }

    // One value for field f; `forContains` takes any byte string (MACs need all six bytes otherwise).
    std::uint32_t parseConstant(const FieldRef& f, const Token& t, bool forContains)
    {
        if (t.kind == TokenKind::End) return unexpectedNode(t);
        if (t.kind != TokenKind::Word && t.kind != TokenKind::String) return unexpectedNode(t);
        const std::string_view text = t.text;
        const std::string fieldName(f.count ? fieldInfo(f.ids[0]).name : std::string_view("the protocol"));
        const bool isString = t.kind == TokenKind::String;
        auto invalid = [&](const std::string& what) {
            fail(quoted(isString ? t.value : std::string(text)) + " " + what, t.column);
            return kFailed;
        };
        if (isString && f.kind != ValueKind::String && f.kind != ValueKind::Bytes)
            return invalid("is a string; " + std::string(valueKindName(f.kind)) + " values are written unquoted");

        switch (f.kind) {
        case ValueKind::Number:
        case ValueKind::Signed:
        case ValueKind::Bool: {
            Constant c;
            if (f.kind == ValueKind::Bool && (text == "True" || text == "TRUE")) {
                c.number = 1;
            } else if (f.kind == ValueKind::Bool && (text == "False" || text == "FALSE")) {
                c.number = 0;
            } else if (f.kind == ValueKind::Signed && text.size() > 1 && text[0] == '-') {
                // A negative constant for a signed field (tcp.window_size_scalefactor == -1).
                std::uint64_t magnitude = 0;
                if (!parseUnsignedLiteral(text.substr(1), magnitude)) return invalid("is not a valid number");
                const std::uint64_t lowest = f.count ? maxFieldValue(f.ids[0]) / 2 + 1 : std::uint64_t{1} << 63;
                if (magnitude > lowest)
                    return invalid("is too small for " + fieldName + ", minimum -" + std::to_string(lowest));
                c.number = ~magnitude + 1;  // two's complement, as Signed fields store their values
                return pushConstant(c);
            } else if (!parseUnsignedLiteral(text, c.number)) {
                return invalid("is not a valid number");
            }
            const bool ownWidth = f.count && f.transform == ValueTransform::None;
            const std::uint64_t max = ownWidth ? maxFieldValue(f.ids[0]) : ~std::uint64_t{0};
            if (c.number > max)
                return invalid("is too big for " + fieldName + ", maximum " + std::to_string(max));
            return pushConstant(c);
        }
        case ValueKind::Ipv4: {
            Constant c;
            std::uint32_t addr = 0, prefix = 32;
            std::string why;
            if (!parseIpv4Literal(text, addr, prefix, why)) return invalid(why);
            c.number = addr;
            c.aux = prefix;
            return pushConstant(c);
        }
        case ValueKind::Ipv6: {
            std::array<std::uint8_t, 16> addr{};
            std::uint32_t prefix = 128;
            std::string why;
            if (!parseIpv6Literal(text, addr, prefix, why)) return invalid(why);
            Constant c = pooled(addr.data(), addr.size());
            c.aux = prefix;
            return pushConstant(c);
        }
        case ValueKind::Bytes: {
            const bool mac = f.count && f.transform == ValueTransform::None && fieldInfo(f.ids[0]).kind == FieldKind::Mac;
            if (isString && mac) return invalid("is a string; Ethernet addresses are written unquoted");
            if (isString) return pushConstant(pooled(t.value.data(), t.value.size()));
            std::vector<std::uint8_t> bytes;
            if (!parseBytesLiteral(text, bytes)) return invalid("is not a valid byte string (aa:bb:cc)");
            if (mac && !forContains && bytes.size() != 6)
                return invalid("is not a valid Ethernet address (six bytes)");
            return pushConstant(pooled(bytes.data(), bytes.size()));
        }
        case ValueKind::String: {
            const std::string_view value = isString ? std::string_view(t.value) : text;
            return pushConstant(pooled(value.data(), value.size()));
        }
        case ValueKind::Time: {
            Constant c;
            std::int64_t sec = 0;
            if (!parseTimeLiteral(text, sec, c.aux)) return invalid("is not a valid time in seconds since the epoch");
            c.number = static_cast<std::uint64_t>(sec);
            return pushConstant(c);
        }
        }
        return invalid("cannot be used here");
    }

    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    FilterProgram& m_program;
    FilterError& m_error;
};

}  // namespace

bool parseFilter(std::string_view text, FilterProgram& out, FilterError& error)
{
    out = FilterProgram{};
    error = FilterError{};
    std::vector<Token> tokens;
    if (!tokenizeFilter(text, tokens, error)) return false;
    Parser parser(std::move(tokens), out, error);
    if (!parser.run()) {
        out = FilterProgram{};
        return false;
    }
    return true;
}

}  // namespace rcvmon
