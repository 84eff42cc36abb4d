// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"

#include <memory>
#include <string>
#include <string_view>

namespace rcvmon {

// The regular expression of a "matches" test: PCRE2, caseless by default as in Wireshark
// 4.0 ("(?-i)" makes it case-sensitive). Where PCRE2 is not available (the Windows cross
// build) std::regex's ECMAScript grammar stands in. Searching is thread-safe.
class FilterRegex {
public:
    // nullptr with `error` set when the pattern does not compile.
    static std::shared_ptr<const FilterRegex> compile(std::string_view pattern, std::string& error);
    ~FilterRegex();
    FilterRegex(const FilterRegex&) = delete;
    FilterRegex& operator=(const FilterRegex&) = delete;

    bool search(ByteSpan subject) const;

private:
    FilterRegex() = default;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace rcvmon
