# SPDX-License-Identifier: GPL-2.0-or-later
# rcvmon_add_qtest(NAME SOURCES... [LIBS ...] [WRAPPER cmd...] [PLATFORM qpa] [TIMEOUT s])
# One QtTest executable, one ctest entry per test slot (NAME.slot): headless (offscreen)
# unless PLATFORM says otherwise; WRAPPER runs it under another command (xvfb-run). The main
# is RCVMON_QTEST_MAIN (tests/support/qtest_main.h): a slot that RCVMON_REQUIRE skipped
# exits 77, which ctest shows as skipped; a failure always shows as a failure.
include_guard(GLOBAL)
function(rcvmon_add_qtest name)
  cmake_parse_arguments(ARG "" "PLATFORM;TIMEOUT" "SOURCES;LIBS;WRAPPER" ${ARGN})
  qt_add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/models)
  rcvmon_test_definitions(${name})
  target_compile_definitions(${name} PRIVATE RCVMON_QTEST=1 RCVMON_BUILD_DIR="${PROJECT_BINARY_DIR}")
  rcvmon_set_warnings(${name})
  if(NOT ARG_PLATFORM)
    set(ARG_PLATFORM offscreen)
  endif()
  rcvmon_discover_tests(${name} KIND qtest WRAPPER ${ARG_WRAPPER})
  rcvmon_test_properties(${name} TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "QT_QPA_PLATFORM=${ARG_PLATFORM}")
endfunction()
