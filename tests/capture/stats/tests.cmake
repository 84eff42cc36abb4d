# SPDX-License-Identifier: GPL-2.0-or-later
# Statistics: tables over hand-built packets, allocation per packet, and agreement with
# tshark (hand-built captures; the reference corpus through rcvmon-cli).
rcvmon_add_gtest(test_traffic_statistics SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_traffic_statistics.cpp)
rcvmon_add_gtest(test_stats_allocation SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_stats_allocation.cpp)
