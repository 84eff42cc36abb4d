# SPDX-License-Identifier: GPL-2.0-or-later
# rcvmon_add_qtest(NAME SOURCES... [LIBS ...] [WRAPPER cmd...] [PLATFORM qpa])
# One QtTest executable, one ctest entry: headless (offscreen) unless PLATFORM says
# otherwise; WRAPPER runs it under another command (xvfb-run). A QSKIP shows as skipped.
include_guard(GLOBAL)
function(rcvmon_add_qtest name)
  cmake_parse_arguments(ARG "" "PLATFORM" "SOURCES;LIBS;WRAPPER" ${ARGN})
  qt_add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/models ${PROJECT_SOURCE_DIR}/tests/support)
  target_compile_definitions(${name} PRIVATE
    RCVMON_CORPUS_DIR="${RCVMON_CORPUS_DIR}"
    RCVMON_BUILD_DIR="${PROJECT_BINARY_DIR}")
  rcvmon_set_warnings(${name})
  if(NOT ARG_PLATFORM)
    set(ARG_PLATFORM offscreen)
  endif()
  add_test(NAME ${name} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${name}>)
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=${ARG_PLATFORM}"
    SKIP_REGULAR_EXPRESSION "SKIP   :")
endfunction()
