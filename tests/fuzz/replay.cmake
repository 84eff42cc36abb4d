# SPDX-License-Identifier: GPL-2.0-or-later
# Every fuzz harness's regression inputs and seeds replayed in the ordinary build, against
# rcvmon_capture as the application links it (the fuzz build replays them under the
# sanitizers as fuzz_NAME_regressions). Linux only: the capture-file harness reads its input
# from an in-memory file (memfd).
include(${CMAKE_CURRENT_LIST_DIR}/harnesses.cmake)
add_library(rcvmon_fuzz_inputs STATIC ${RCVMON_FUZZ_INPUT_SOURCES})
target_include_directories(rcvmon_fuzz_inputs PUBLIC ${RCVMON_FUZZ_INPUT_INCLUDES})
target_link_libraries(rcvmon_fuzz_inputs PUBLIC rcvmon_capture)
rcvmon_set_warnings(rcvmon_fuzz_inputs)
foreach(harness ${RCVMON_FUZZ_HARNESSES})
  # The dissector's replay keeps the name it always had.
  if(harness STREQUAL "dissector")
    set(test test_dissect_fuzz_regressions)
  else()
    set(test test_fuzz_${harness}_regressions)
  endif()
  add_executable(${test} ${RCVMON_FUZZ_DIR}/replay_main.cpp ${RCVMON_FUZZ_DIR}/fuzz_${harness}.cpp)
  target_link_libraries(${test} PRIVATE rcvmon_fuzz_inputs)
  rcvmon_set_warnings(${test})
  rcvmon_fuzz_inputs_of(${harness} inputs)
  add_test(NAME ${test} COMMAND ${test} ${inputs})
endforeach()
