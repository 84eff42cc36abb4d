# SPDX-License-Identifier: GPL-2.0-or-later
# Statistics: tables over hand-built packets, allocation per packet, and agreement with
# tshark (hand-built captures; the reference corpus through rcvmon-cli).
rcvmon_add_gtest(test_traffic_statistics SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_traffic_statistics.cpp)
rcvmon_add_gtest(test_stats_allocation SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_stats_allocation.cpp
  ${PROJECT_SOURCE_DIR}/tests/support/allocation_counter.cpp)
rcvmon_add_gtest(test_talker_timeline SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_talker_timeline.cpp)

if(NOT CMAKE_CROSSCOMPILING AND NOT WIN32)
  rcvmon_add_gtest(test_stats_tshark_agreement
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_stats_tshark_agreement.cpp
    LIBS rcvmon_cli rcvmon_test_process)
  rcvmon_add_gtest(test_stats_reference
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_stats_reference.cpp LIBS rcvmon_test_process)
  target_compile_definitions(test_stats_reference PRIVATE
    RCVMON_CLI_PATH="$<TARGET_FILE:rcvmon-cli>"
    RCVMON_STATS_KNOWN_GAPS="${CMAKE_CURRENT_LIST_DIR}/known_gaps.tsv")
  add_dependencies(test_stats_reference rcvmon-cli)
  rcvmon_add_gtest(test_stats_cli
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_stats_cli.cpp LIBS rcvmon_test_process)
  target_compile_definitions(test_stats_cli PRIVATE RCVMON_CLI_PATH="$<TARGET_FILE:rcvmon-cli>")
  add_dependencies(test_stats_cli rcvmon-cli)
  rcvmon_test_properties(test_stats_reference TIMEOUT 600 COST 24 TSHARK)
  # Top talkers' bins and endpoint times against tshark's fields and -z conv over the corpus.
  rcvmon_add_gtest(test_talker_reference
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_talker_reference.cpp LIBS rcvmon_test_process)
  rcvmon_test_properties(test_talker_reference TIMEOUT 600 COST 24 TSHARK)
endif()
