# SPDX-License-Identifier: GPL-2.0-or-later
# Expert Info: the events Wireshark's expert system reports (malformed packets, TCP analysis,
# connection setup and teardown), found in a Dissection and tallied as tshark's -z expert.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/expert_collector.cpp
  ${CMAKE_CURRENT_LIST_DIR}/expert_tally.cpp)
