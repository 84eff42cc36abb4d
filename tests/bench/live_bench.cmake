# SPDX-License-Identifier: GPL-2.0-or-later
# Live-capture benchmark (issue 3, "Performance"): the bounded sender that live_bench.sh runs
# in one network namespace while rcvmon-cli or tcpdump captures in the other.
if(NOT WIN32)
  add_executable(udp_blaster ${CMAKE_CURRENT_LIST_DIR}/udp_blaster.cpp)
  rcvmon_set_warnings(udp_blaster)
endif()
