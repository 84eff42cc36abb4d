// SPDX-License-Identifier: GPL-2.0-or-later
// RCVMON_QTEST_MAIN / RCVMON_QTEST_GUILESS_MAIN: QTEST_MAIN / QTEST_GUILESS_MAIN whose exit
// status also says "skipped", as the gtest executables' does (tests/support/gtest_main.cpp):
// the number of failures when a check failed, 77 when nothing failed but RCVMON_REQUIRE
// skipped (ctest: SKIP_RETURN_CODE 77), else 0. ctest runs each slot on its own (qtest.cmake).
#pragma once

#include "require.h"

#include <QtTest/QTest>

namespace rcvmon::test {

inline int qtestExitStatus(int failures)
{
    if (failures != 0) return failures;
    return requireSkips() > 0 ? 77 : 0;
}

}  // namespace rcvmon::test

#define RCVMON_QTEST_MAIN_WRAPPER(TestObject, ...)                                \
    int main(int argc, char* argv[])                                              \
    {                                                                             \
        QT_PREPEND_NAMESPACE(QTest::Internal::callInitMain)<TestObject>();        \
        __VA_ARGS__                                                               \
        TestObject tc;                                                            \
        QTEST_SET_MAIN_SOURCE_PATH                                                \
        return ::rcvmon::test::qtestExitStatus(QTest::qExec(&tc, argc, argv));    \
    }

#define RCVMON_QTEST_MAIN(TestObject) RCVMON_QTEST_MAIN_WRAPPER(TestObject, QTEST_MAIN_SETUP())
#define RCVMON_QTEST_GUILESS_MAIN(TestObject) \
    RCVMON_QTEST_MAIN_WRAPPER(TestObject, QTEST_QAPP_SETUP(QCoreApplication))
