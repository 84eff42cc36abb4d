# SPDX-License-Identifier: GPL-2.0-or-later
# rcvmon_add_qtest(NAME SOURCES... [LIBS ...] [WRAPPER cmd...] [PLATFORM qpa] [TIMEOUT s])
# One QtTest executable, one ctest entry per test slot (NAME.slot): headless (offscreen)
# unless PLATFORM says otherwise; WRAPPER runs it under another command (xvfb-run). The main
# is RCVMON_QTEST_MAIN (tests/support/qtest_main.h): a slot that RCVMON_REQUIRE skipped
# exits 77, which ctest shows as skipped; a failure always shows as a failure.
include_guard(GLOBAL)
include(RcvmonPrecompiledHeaders)

# The precompiled header every QtTest executable reuses: Qt Test and Core, which all of them
# include, compiled with Widgets' flags as most of them are.
if(RCVMON_PRECOMPILE_HEADERS AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND NOT TARGET rcvmon_qtest_pch)
  add_library(rcvmon_qtest_pch STATIC ${PROJECT_SOURCE_DIR}/tests/support/qtest_pch.cpp)
  target_link_libraries(rcvmon_qtest_pch PRIVATE Qt6::Test Qt6::Widgets)
  rcvmon_test_definitions(rcvmon_qtest_pch)
  target_compile_definitions(rcvmon_qtest_pch PRIVATE RCVMON_QTEST=1 RCVMON_BUILD_DIR="${PROJECT_BINARY_DIR}")
  rcvmon_set_warnings(rcvmon_qtest_pch)
  target_precompile_headers(rcvmon_qtest_pch PRIVATE ${RCVMON_PCH_STD}
    <QDir> <QFile> <QObject> <QSignalSpy> <QString> <QTemporaryDir> <QTest>)
endif()
function(rcvmon_add_qtest name)
  cmake_parse_arguments(ARG "" "PLATFORM;TIMEOUT" "SOURCES;LIBS;WRAPPER" ${ARGN})
  qt_add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/models)
  rcvmon_test_definitions(${name})
  target_compile_definitions(${name} PRIVATE RCVMON_QTEST=1 RCVMON_BUILD_DIR="${PROJECT_BINARY_DIR}")
  rcvmon_set_warnings(${name})
  # Only executables with Widgets can take it: GCC refuses it (and says so) without QT_WIDGETS_LIB.
  if(TARGET rcvmon_qtest_pch AND ("rcvmon_ui" IN_LIST ARG_LIBS OR "Qt6::Widgets" IN_LIST ARG_LIBS))
    rcvmon_reuse_precompiled(${name} rcvmon_qtest_pch)
  endif()
  if(NOT ARG_PLATFORM)
    set(ARG_PLATFORM offscreen)
  endif()
  rcvmon_discover_tests(${name} KIND qtest WRAPPER ${ARG_WRAPPER})
  rcvmon_test_properties(${name} TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "QT_QPA_PLATFORM=${ARG_PLATFORM}")
endfunction()
