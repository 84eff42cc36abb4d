# SPDX-License-Identifier: GPL-2.0-or-later
# rcvmon_add_qtest(NAME SOURCES... [LIBS ...]): one QtTest executable, one headless ctest entry.
include_guard(GLOBAL)
function(rcvmon_add_qtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;ENV" ${ARGN})
  qt_add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/models)
  target_compile_definitions(${name} PRIVATE
    RCVMON_CORPUS_DIR="${RCVMON_CORPUS_DIR}"
    RCVMON_BUILD_DIR="${PROJECT_BINARY_DIR}")
  rcvmon_set_warnings(${name})
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${ARG_ENV}"
    SKIP_REGULAR_EXPRESSION "SKIP   :")
endfunction()
