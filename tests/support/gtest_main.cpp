// SPDX-License-Identifier: GPL-2.0-or-later
// main() of every gtest executable. ctest runs each test on its own (rcvmon_add_gtest), and
// learns that it skipped from the exit status, never from its output, so a skip can never
// hide a failure:
//   1   a test failed (whatever else happened)
//   77  nothing failed, and every test that ran skipped (ctest: SKIP_RETURN_CODE 77)
//   0   otherwise (a whole executable run by hand with some tests skipped exits 0)
// Under wine ctest runs each executable whole (cmake/RcvmonDiscoverTests.cmake) with
// --rcvmon-skip-if-any: there 77 means that at least one test skipped and none failed.
#include <gtest/gtest.h>

#include <cstring>

int main(int argc, char** argv)
{
    testing::InitGoogleTest(&argc, argv);  // removes the --gtest_* flags it knows
    bool anySkipCounts = false;
    for (int i = 1; i < argc; ++i) anySkipCounts |= std::strcmp(argv[i], "--rcvmon-skip-if-any") == 0;
    if (RUN_ALL_TESTS() != 0) return 1;
    const testing::UnitTest& unit = *testing::UnitTest::GetInstance();
    if (unit.skipped_test_count() == 0) return 0;
    return anySkipCounts || unit.successful_test_count() == 0 ? 77 : 0;
}
