# SPDX-License-Identifier: GPL-2.0-or-later
# Statistics ▸ I/O Graphs' whole-capture count, timed by gui_bench.sh (GUI builds only).
if(TARGET rcvmon_models)
  add_executable(iograph_bench ${CMAKE_CURRENT_LIST_DIR}/iograph_bench.cpp)
  target_link_libraries(iograph_bench PRIVATE rcvmon_models)
  rcvmon_set_warnings(iograph_bench)
endif()
