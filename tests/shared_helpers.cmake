# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers that several test executables share, each compiled once into a static library rather
# than into every executable that uses it (run_process.cpp was compiled 18 times per build).
# EXCLUDE_FROM_ALL: a build makes them only where something links them.
function(_rcvmon_test_helper name)
  add_library(${name} STATIC EXCLUDE_FROM_ALL ${ARGN})
  target_link_libraries(${name} PUBLIC rcvmon_capture)
  rcvmon_test_definitions(${name})
  rcvmon_set_warnings(${name})
endfunction()

if(NOT CMAKE_CROSSCOMPILING AND NOT WIN32)
  # Runs a shell command line and collects its output (tshark, capinfos, rcvmon-cli).
  _rcvmon_test_helper(rcvmon_test_process ${CMAKE_CURRENT_LIST_DIR}/app/run_process.cpp)
  target_include_directories(rcvmon_test_process PUBLIC ${CMAKE_CURRENT_LIST_DIR}/app)
endif()

if(CMAKE_SYSTEM_NAME STREQUAL "Linux" AND NOT CMAKE_CROSSCOMPILING)
  set(live_dir ${CMAKE_CURRENT_LIST_DIR}/capture/live/linux)
  # Network namespaces with a veth pair, and the frames the live tests send over it.
  _rcvmon_test_helper(rcvmon_test_netns ${live_dir}/netns_pair.cpp ${live_dir}/test_frames.cpp)
  target_include_directories(rcvmon_test_netns PUBLIC ${live_dir})
  # The gtest fixture of the live capture tests (it skips or fails through require.h).
  _rcvmon_test_helper(rcvmon_test_live ${live_dir}/capture_runner.cpp ${live_dir}/live_fixture.cpp)
  target_link_libraries(rcvmon_test_live PUBLIC rcvmon_test_netns GTest::gtest)
  # A real sshd in a namespace, for the remote capture tests.
  _rcvmon_test_helper(rcvmon_test_ssh_lab ${CMAKE_CURRENT_LIST_DIR}/app/ssh_lab.cpp)
  target_link_libraries(rcvmon_test_ssh_lab PUBLIC rcvmon_test_netns)
  target_include_directories(rcvmon_test_ssh_lab PUBLIC ${CMAKE_CURRENT_LIST_DIR}/app)
endif()
