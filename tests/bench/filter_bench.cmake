# SPDX-License-Identifier: GPL-2.0-or-later
# The display filter benchmark (issue 5): filter_bench.sh runs it beside rcvmon-cli and tshark.
add_executable(filter_bench ${CMAKE_CURRENT_LIST_DIR}/filter_bench.cpp)
target_link_libraries(filter_bench PRIVATE rcvmon_capture)
rcvmon_set_warnings(filter_bench)
