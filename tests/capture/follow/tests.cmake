# SPDX-License-Identifier: GPL-2.0-or-later
# Follow Stream: the TCP follow reassembly over hand-built segments, and tshark's text formats.
rcvmon_add_gtest(test_follow_stream SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_tcp_follow.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_follow_text.cpp)
