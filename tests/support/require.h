// SPDX-License-Identifier: GPL-2.0-or-later
// RCVMON_REQUIRE(condition, "what is missing"): the one way a test gives up for want of
// something outside the tree (the reference corpus, tshark, capinfos, root, network
// namespaces). It skips the test, or fails it when references are required:
//   RCVMON_REQUIRE_REFERENCES=ON|1 in the environment (scripts/test sets it), or the CMake
//   option of the same name when the environment does not say (RCVMON_REQUIRE_REFERENCES=0
//   turns it off again for one run).
// Works in gtest tests and fixtures' SetUp(), and in QtTest slots (qtest.cmake defines
// RCVMON_QTEST); like GTEST_SKIP / QSKIP it returns from the calling function.
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>

namespace rcvmon::test {

inline bool referencesRequired()
{
    if (const char* env = std::getenv("RCVMON_REQUIRE_REFERENCES"); env != nullptr && *env != '\0') {
        const std::string_view v(env);
        return !(v == "0" || v == "OFF" || v == "off" || v == "NO" || v == "no" || v == "FALSE" || v == "false");
    }
#if defined(RCVMON_REQUIRE_REFERENCES_DEFAULT)
    return RCVMON_REQUIRE_REFERENCES_DEFAULT != 0;
#else
    return false;
#endif
}

// One line naming what is missing and what the switch does about it.
inline std::string missingMessage(std::string_view what)
{
    std::string message = "missing: ";
    message += what;
    message += referencesRequired() ? " (RCVMON_REQUIRE_REFERENCES is on, so this is a failure)"
                                    : " (skipped; RCVMON_REQUIRE_REFERENCES=ON makes this a failure)";
    return message;
}

#if defined(RCVMON_CORPUS_DIR)
// What a test that reads the reference corpus needs, for RCVMON_REQUIRE's message.
inline std::string corpusWhat()
{
    return std::string("the reference corpus at ") + RCVMON_CORPUS_DIR
           + "/public (../shared/corpus beside the checkout, or RCVMON_CORPUS when cmake configures)";
}
#endif

// What a test that runs `tool` needs.
inline std::string toolWhat(std::string_view tool)
{
    return std::string(tool) + " on PATH (scripts/test installs it)";
}

// How many times this process skipped through RCVMON_REQUIRE (QtTest has no public count).
inline int& requireSkips()
{
    static int skips = 0;
    return skips;
}

}  // namespace rcvmon::test

#if defined(RCVMON_QTEST)
#include <QtTest/QTest>

#define RCVMON_REQUIRE(condition, what)                                                      \
    do {                                                                                     \
        if (!(condition)) {                                                                  \
            const std::string rcvmonMissing_ = ::rcvmon::test::missingMessage(what);         \
            if (::rcvmon::test::referencesRequired()) QFAIL(rcvmonMissing_.c_str());          \
            ++::rcvmon::test::requireSkips();                                                \
            QSKIP(rcvmonMissing_.c_str());                                                   \
        }                                                                                    \
    } while (false)
#else
#include <gtest/gtest.h>

#define RCVMON_REQUIRE(condition, what)                                                      \
    do {                                                                                     \
        if (!(condition)) {                                                                  \
            if (::rcvmon::test::referencesRequired())                                        \
                GTEST_FAIL() << ::rcvmon::test::missingMessage(what);                        \
            ++::rcvmon::test::requireSkips();                                                \
            GTEST_SKIP() << ::rcvmon::test::missingMessage(what);                            \
        }                                                                                    \
    } while (false)
#endif
