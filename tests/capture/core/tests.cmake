rcvmon_add_gtest(test_byte_reader SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_byte_reader.cpp)
