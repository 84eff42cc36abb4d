rcvmon_add_gtest(test_byte_reader SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_byte_reader.cpp)
# Issue 11: timestamp differences centuries apart (128-bit, saturated).
rcvmon_add_gtest(test_time_span SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_time_span.cpp)
