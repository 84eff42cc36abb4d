# SPDX-License-Identifier: GPL-2.0-or-later
# The fuzz harnesses, shared by the fuzz build (CMakeLists.txt) and the ordinary build's
# regression replay (replay.cmake). Harness NAME has its entry point in fuzz_NAME.cpp, its
# regression inputs in regressions/NAME/ (the dissector's: regressions/) and its committed
# seeds in seeds/NAME/ (the dissector's: seeds/).
set(RCVMON_FUZZ_HARNESSES dissector pcap_reader pcapng_reader display_filter tcp_stream)
set(RCVMON_FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR})
# The input formats and runners every harness and replay links.
set(RCVMON_FUZZ_INPUT_SOURCES
  ${RCVMON_FUZZ_DIR}/dissector_fuzz_input.cpp
  ${RCVMON_FUZZ_DIR}/capture_file_fuzz_input.cpp
  ${RCVMON_FUZZ_DIR}/filter_fuzz_input.cpp
  ${RCVMON_FUZZ_DIR}/tcp_stream_fuzz_input.cpp)
set(RCVMON_FUZZ_INPUT_INCLUDES
  ${RCVMON_FUZZ_DIR}
  ${RCVMON_FUZZ_DIR}/../capture/dissect   # packet_builder.h
  ${RCVMON_FUZZ_DIR}/../capture/filter)   # filter_test_packets.h

# rcvmon_fuzz_inputs_of(NAME VAR): the regression and seed directories NAME replays.
function(rcvmon_fuzz_inputs_of name var)
  if(name STREQUAL "dissector")
    set(${var} ${RCVMON_FUZZ_DIR}/regressions ${RCVMON_FUZZ_DIR}/seeds PARENT_SCOPE)
  else()
    set(${var} ${RCVMON_FUZZ_DIR}/regressions/${name} ${RCVMON_FUZZ_DIR}/seeds/${name} PARENT_SCOPE)
  endif()
endfunction()
