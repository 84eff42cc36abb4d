// SPDX-License-Identifier: GPL-2.0-or-later
// main() of every gtest executable. ctest runs each test on its own (rcvmon_add_gtest), and
// learns that it skipped from the exit status, never from its output, so a skip can never
// hide a failure:
//   1   a test failed (whatever else happened)
//   77  nothing failed, and every test that ran skipped (ctest: SKIP_RETURN_CODE 77)
//   0   otherwise (a whole executable run by hand with some tests skipped exits 0)
#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    testing::InitGoogleTest(&argc, argv);
    if (RUN_ALL_TESTS() != 0) return 1;
    const testing::UnitTest& unit = *testing::UnitTest::GetInstance();
    return unit.skipped_test_count() > 0 && unit.successful_test_count() == 0 ? 77 : 0;
}
