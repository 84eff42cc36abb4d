# SPDX-License-Identifier: GPL-2.0-or-later
# rcvmon: the desktop window. Included by app/CMakeLists.txt when RCVMON_BUILD_GUI.
qt_add_executable(rcvmon
  ${CMAKE_CURRENT_LIST_DIR}/main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gui_options.cpp ${CMAKE_CURRENT_LIST_DIR}/gui_options.h
  ${CMAKE_CURRENT_LIST_DIR}/bench_live.cpp ${CMAKE_CURRENT_LIST_DIR}/bench_live.h
  ${CMAKE_CURRENT_LIST_DIR}/bench_capture.cpp ${CMAKE_CURRENT_LIST_DIR}/bench_capture.h
  ${CMAKE_CURRENT_LIST_DIR}/bench_open.cpp ${CMAKE_CURRENT_LIST_DIR}/bench_open.h
  ${CMAKE_CURRENT_LIST_DIR}/event_timing.cpp ${CMAKE_CURRENT_LIST_DIR}/event_timing.h
  ${CMAKE_CURRENT_LIST_DIR}/synthetic_source.cpp ${CMAKE_CURRENT_LIST_DIR}/synthetic_source.h)
target_link_libraries(rcvmon PRIVATE rcvmon_ui)
set_target_properties(rcvmon PROPERTIES AUTOMOC ON)
target_compile_definitions(rcvmon PRIVATE RCVMON_VERSION="${PROJECT_VERSION}")
rcvmon_set_warnings(rcvmon)

# Writes resources/sample.pcapng, the capture rcvmon opens when it cannot capture.
add_executable(rcvmon-make-sample ${PROJECT_SOURCE_DIR}/resources/tools/make_sample.cpp)
target_link_libraries(rcvmon-make-sample PRIVATE rcvmon_capture)
rcvmon_set_warnings(rcvmon-make-sample)
