// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "filter/filter_error.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {

enum class TokenKind : std::uint8_t {
    End,
    Word,     // field and protocol names, keywords, unquoted values (80, 10.0.0.0/8, fe80::1, aa:bb:..)
    String,   // "quoted", escapes resolved into Token::value
    LParen, RParen, LBrace, RBrace, LBracket, RBracket, Comma,
    DotDot,   // range inside a set: 80..90
    Eq,       // ==
    Ne,       // !=  (Wireshark 4.0: all occurrences differ)
    AnyNe,    // ~=  (any occurrence differs)
    AllEq,    // === (every occurrence equals)
    Lt, Le, Gt, Ge,
    And,      // &&
    Or,       // ||
    Not,      // !
    BitAnd,   // &
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string_view text;     // as written (String: with its quotes)
    std::uint32_t column = 0;  // 1-based
    std::string value;         // String: the unescaped contents
};

// Splits display-filter text into tokens, the End token last. Word tokens keep the
// characters Wireshark allows in unquoted values (letters, digits, _ . : - /), so
// addresses and ranges like 8000..8080 arrive whole; the parser splits what it must.
bool tokenizeFilter(std::string_view text, std::vector<Token>& out, FilterError& error);

}  // namespace rcvmon
