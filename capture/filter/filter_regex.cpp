// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter/filter_regex.h"

#ifdef RCVMON_HAVE_PCRE2
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#else
#include <regex>
#endif

namespace rcvmon {

#ifdef RCVMON_HAVE_PCRE2
struct FilterRegex::Impl {
    pcre2_code* code = nullptr;
    ~Impl() { pcre2_code_free(code); }
};

std::shared_ptr<const FilterRegex> FilterRegex::compile(std::string_view pattern, std::string& error)
{
    int code = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code* compiled = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), PCRE2_CASELESS,
                                         &code, &offset, nullptr);
    if (!compiled) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(code, message, sizeof message);
        error = reinterpret_cast<const char*>(message);
        return nullptr;
    }
    std::shared_ptr<FilterRegex> regex(new FilterRegex);
    regex->m_impl = std::make_unique<Impl>();
    regex->m_impl->code = compiled;
    return regex;
}

bool FilterRegex::search(ByteSpan subject) const
{
    // One match block per thread, kept: a filter runs over millions of frames.
    struct MatchData {
        pcre2_match_data* data = pcre2_match_data_create(1, nullptr);
        ~MatchData() { pcre2_match_data_free(data); }
    };
    thread_local MatchData match;
    const int rc = pcre2_match(m_impl->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0, 0,
                               match.data, nullptr);
    return rc >= 0;
}
#else
struct FilterRegex::Impl {
    std::regex regex;
};

std::shared_ptr<const FilterRegex> FilterRegex::compile(std::string_view pattern, std::string& error)
{
    std::string text(pattern);
    auto flags = std::regex::ECMAScript | std::regex::icase;
    if (text.rfind("(?-i)", 0) == 0) {  // PCRE's case-sensitive switch, which ECMAScript lacks
        text.erase(0, 5);
        flags = std::regex::ECMAScript;
    }
    std::shared_ptr<FilterRegex> regex(new FilterRegex);
    try {
        regex->m_impl = std::make_unique<Impl>(Impl{std::regex(text, flags)});
    } catch (const std::regex_error& e) {
        error = e.what();
        return nullptr;
    }
    return regex;
}

bool FilterRegex::search(ByteSpan subject) const
{
    const char* begin = reinterpret_cast<const char*>(subject.data());
    return std::regex_search(begin, begin + subject.size(), m_impl->regex);
}
#endif

FilterRegex::~FilterRegex() = default;

}  // namespace rcvmon
