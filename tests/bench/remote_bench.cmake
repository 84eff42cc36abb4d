# SPDX-License-Identifier: GPL-2.0-or-later
# Remote-capture benchmark (issue 13): the paced sender and the window side that remote_bench.sh runs.
if(NOT WIN32)
  add_executable(paced_sender ${CMAKE_CURRENT_LIST_DIR}/paced_sender.cpp)
  rcvmon_set_warnings(paced_sender)
  if(TARGET rcvmon_ui)
    add_executable(remote_window_bench ${CMAKE_CURRENT_LIST_DIR}/remote_window_bench.cpp)
    target_link_libraries(remote_window_bench PRIVATE rcvmon_ui)
    rcvmon_set_warnings(remote_window_bench)
  endif()
endif()
