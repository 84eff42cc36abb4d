// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter/filter_lexer.h"

namespace rcvmon {
namespace {

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == ':' || c == '-' || c == '/';
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Reads a "quoted string" starting at text[pos] == '"'; C escapes as Wireshark takes them.
bool readString(std::string_view text, std::size_t& pos, std::string& value, FilterError& error)
{
    const std::size_t start = pos++;
    while (pos < text.size() && text[pos] != '"') {
        char c = text[pos++];
        if (c != '\\') {
            value.push_back(c);
            continue;
        }
        if (pos >= text.size()) break;
        c = text[pos++];
        switch (c) {
        case 'a': value.push_back('\a'); break;
        case 'b': value.push_back('\b'); break;
        case 'f': value.push_back('\f'); break;
        case 'n': value.push_back('\n'); break;
        case 'r': value.push_back('\r'); break;
        case 't': value.push_back('\t'); break;
        case 'v': value.push_back('\v'); break;
        case 'x': {
            int v = 0, n = 0;
            while (n < 2 && pos < text.size() && hexDigit(text[pos]) >= 0) {
                v = v * 16 + hexDigit(text[pos++]);
                ++n;
            }
            if (n == 0) {
                error = {"\\x in a string needs hex digits", static_cast<std::uint32_t>(pos)};
                return false;
            }
            value.push_back(static_cast<char>(v));
            break;
        }
        default:
            if (c >= '0' && c <= '7') {
                int v = c - '0', n = 1;
                while (n < 3 && pos < text.size() && text[pos] >= '0' && text[pos] <= '7') {
                    v = v * 8 + (text[pos++] - '0');
                    ++n;
                }
                value.push_back(static_cast<char>(v));
            } else {
                value.push_back(c);  // \\ \" and any other character stand for themselves
            }
        }
    }
    if (pos >= text.size()) {
        error = {"the closing quote of a string is missing", static_cast<std::uint32_t>(start + 1)};
        return false;
    }
    ++pos;  // closing quote
    return true;
}

}  // namespace

bool tokenizeFilter(std::string_view text, std::vector<Token>& out, FilterError& error)
{
    out.clear();
    std::size_t pos = 0;
    auto push = [&](TokenKind kind, std::size_t start, std::size_t length) {
        Token t;
        t.kind = kind;
        t.text = text.substr(start, length);
        t.column = static_cast<std::uint32_t>(start + 1);
        out.push_back(std::move(t));
        pos = start + length;
    };
    while (pos < text.size()) {
        const char c = text[pos];
        const char next = pos + 1 < text.size() ? text[pos + 1] : '\0';
        const char third = pos + 2 < text.size() ? text[pos + 2] : '\0';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++pos;
        } else if (c == '"') {
            Token t;
            t.kind = TokenKind::String;
            t.column = static_cast<std::uint32_t>(pos + 1);
            const std::size_t start = pos;
            if (!readString(text, pos, t.value, error)) return false;
            t.text = text.substr(start, pos - start);
            out.push_back(std::move(t));
        } else if (c == '=' && next == '=' && third == '=') {
            push(TokenKind::AllEq, pos, 3);
        } else if (c == '=' && next == '=') {
            push(TokenKind::Eq, pos, 2);
        } else if (c == '!' && next == '=' && third == '=') {
            push(TokenKind::AnyNe, pos, 3);  // !== is 4.0's other spelling of ~=
        } else if (c == '!' && next == '=') {
            push(TokenKind::Ne, pos, 2);
        } else if (c == '~' && next == '=') {
            push(TokenKind::AnyNe, pos, 2);
        } else if (c == '<') {
            push(next == '=' ? TokenKind::Le : TokenKind::Lt, pos, next == '=' ? 2 : 1);
        } else if (c == '>') {
            push(next == '=' ? TokenKind::Ge : TokenKind::Gt, pos, next == '=' ? 2 : 1);
        } else if (c == '&') {
            push(next == '&' ? TokenKind::And : TokenKind::BitAnd, pos, next == '&' ? 2 : 1);
        } else if (c == '|' && next == '|') {
            push(TokenKind::Or, pos, 2);
        } else if (c == '!') {
            push(TokenKind::Not, pos, 1);
        } else if (c == '(') {
            push(TokenKind::LParen, pos, 1);
        } else if (c == ')') {
            push(TokenKind::RParen, pos, 1);
        } else if (c == '{') {
            push(TokenKind::LBrace, pos, 1);
        } else if (c == '}') {
            push(TokenKind::RBrace, pos, 1);
        } else if (c == ',') {
            push(TokenKind::Comma, pos, 1);
        } else if (c == '[') {
            push(TokenKind::LBracket, pos, 1);
        } else if (c == ']') {
            push(TokenKind::RBracket, pos, 1);
        } else if (isWordChar(c)) {
            std::size_t end = pos;
            while (end < text.size() && isWordChar(text[end])) ++end;
            const std::string_view word = text.substr(pos, end - pos);
            push(word == ".." ? TokenKind::DotDot : TokenKind::Word, pos, end - pos);
        } else {
            std::string shown(1, c);
            error = {"\"" + shown + "\" was unexpected", static_cast<std::uint32_t>(pos + 1)};
            return false;
        }
    }
    Token end;
    end.kind = TokenKind::End;
    end.column = static_cast<std::uint32_t>(text.size() + 1);
    out.push_back(std::move(end));
    return true;
}

}  // namespace rcvmon
