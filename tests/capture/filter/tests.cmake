# SPDX-License-Identifier: GPL-2.0-or-later
# Display filter: parsing and evaluation on hand-built frames everywhere; against tshark
# and the corpus on Linux.
rcvmon_add_gtest(test_filter SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/test_filter_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_filter_eval.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_filter_expression.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_filter_quick.cpp
  ${PROJECT_SOURCE_DIR}/tests/support/allocation_counter.cpp)

if(NOT CMAKE_CROSSCOMPILING AND NOT WIN32)
  add_library(rcvmon_tshark_filters STATIC EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/tshark_filters.cpp)
  target_link_libraries(rcvmon_tshark_filters PUBLIC rcvmon_test_process rcvmon_capture)
  rcvmon_set_warnings(rcvmon_tshark_filters)
  rcvmon_add_gtest(test_filter_tshark SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/test_filter_tshark.cpp LIBS rcvmon_tshark_filters)
  rcvmon_add_gtest(test_filter_reference SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/test_filter_reference.cpp LIBS rcvmon_tshark_filters)
  target_compile_definitions(test_filter_reference PRIVATE
    RCVMON_CLI_PATH="$<TARGET_FILE:rcvmon-cli>"
    RCVMON_FILTER_LIST="${CMAKE_CURRENT_LIST_DIR}/reference_filters.txt"
    RCVMON_FILTER_GAPS="${CMAKE_CURRENT_LIST_DIR}/reference_gaps.txt")
  add_dependencies(test_filter_reference rcvmon-cli)
  rcvmon_test_properties(test_filter_reference TIMEOUT 600 COST 63 TSHARK)
endif()

# Issue 10: ≥ 200 filters over a sample of every corpus capture, against tshark in one pass.
if(NOT CMAKE_CROSSCOMPILING AND NOT WIN32)
  rcvmon_add_gtest(test_filter_corpus_sample SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/test_filter_corpus_sample.cpp LIBS rcvmon_tshark_filters)
  target_compile_definitions(test_filter_corpus_sample PRIVATE
    RCVMON_CORPUS_FILTERS="${CMAKE_CURRENT_LIST_DIR}/corpus_filters.txt"
    RCVMON_CORPUS_FILTER_GAPS="${CMAKE_CURRENT_LIST_DIR}/corpus_filter_gaps.txt")
  rcvmon_test_properties(test_filter_corpus_sample TIMEOUT 900 TSHARK)
endif()

# Issue 12: Wireshark's colorfilters format, its default rules and the first-match evaluation.
rcvmon_add_gtest(test_color_filters SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_color_filters.cpp)
