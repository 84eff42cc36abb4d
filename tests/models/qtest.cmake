# SPDX-License-Identifier: GPL-2.0-or-later
# rcvmon_add_qtest(NAME SOURCES... [LIBS ...] [WRAPPER cmd...] [PLATFORM qpa] [TIMEOUT s])
# One QtTest executable, one ctest entry per test slot (NAME.slot): headless (offscreen)
# unless PLATFORM says otherwise; WRAPPER runs it under another command (xvfb-run). The main
# is RCVMON_QTEST_MAIN (tests/support/qtest_main.h): a slot that RCVMON_REQUIRE skipped
# exits 77, which ctest shows as skipped; a failure always shows as a failure.
include_guard(GLOBAL)
include(RcvmonPrecompiledHeaders)

# _rcvmon_qtest_pch_host(OUT): the library whose precompiled header (Qt Test and Core, with Widgets'
# flags) the Widgets QtTest executables of this directory reuse. One per directory: Qt defines
# QT_TESTCASE_BUILDDIR as the directory's build folder, and QTest's header reads it.
function(_rcvmon_qtest_pch_host out)
  get_filename_component(folder "${CMAKE_CURRENT_SOURCE_DIR}" NAME)
  set(host rcvmon_qtest_pch_${folder})
  if(NOT TARGET ${host})
    add_library(${host} STATIC ${PROJECT_SOURCE_DIR}/tests/support/qtest_pch.cpp)
    target_link_libraries(${host} PRIVATE Qt6::Test Qt6::Widgets)
    rcvmon_test_definitions(${host})
    target_compile_definitions(${host} PRIVATE RCVMON_QTEST=1 RCVMON_BUILD_DIR="${PROJECT_BINARY_DIR}")
    rcvmon_set_warnings(${host})
    target_precompile_headers(${host} PRIVATE ${RCVMON_PCH_STD}
      <QDir> <QFile> <QObject> <QSignalSpy> <QString> <QTemporaryDir> <QTest>)
  endif()
  set(${out} ${host} PARENT_SCOPE)
endfunction()

# _rcvmon_qtest_moc(TARGET SOURCES...): runs moc on each source that declares a Q_OBJECT class
# (each ends with `#include "NAME.moc"`), with no AUTOMOC: AUTOMOC would add a scan step and an
# empty mocs_compilation.cpp per executable, compiled with the precompiled header (~2 s each).
function(_rcvmon_qtest_moc target)
  set(moc_dir "${CMAKE_CURRENT_BINARY_DIR}/${target}_moc")
  foreach(source IN LISTS ARGN)
    get_filename_component(source "${source}" ABSOLUTE)
    file(STRINGS "${source}" declares REGEX "Q_OBJECT|Q_GADGET" LIMIT_COUNT 1)
    if(declares)
      get_filename_component(stem "${source}" NAME_WE)
      qt_generate_moc("${source}" "${moc_dir}/${stem}.moc" TARGET ${target})
      target_sources(${target} PRIVATE "${moc_dir}/${stem}.moc")
      set_source_files_properties("${moc_dir}/${stem}.moc" PROPERTIES HEADER_FILE_ONLY ON)
    endif()
  endforeach()
  target_include_directories(${target} PRIVATE "${moc_dir}")
endfunction()

function(rcvmon_add_qtest name)
  cmake_parse_arguments(ARG "" "PLATFORM;TIMEOUT" "SOURCES;LIBS;WRAPPER" ${ARGN})
  qt_add_executable(${name} ${ARG_SOURCES})
  _rcvmon_qtest_moc(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/models)
  rcvmon_test_definitions(${name})
  target_compile_definitions(${name} PRIVATE RCVMON_QTEST=1 RCVMON_BUILD_DIR="${PROJECT_BINARY_DIR}")
  rcvmon_set_warnings(${name})
  # Only executables with Widgets can take it: GCC refuses it (and says so) without QT_WIDGETS_LIB.
  if(RCVMON_PRECOMPILE_HEADERS AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU"
     AND ("rcvmon_ui" IN_LIST ARG_LIBS OR "Qt6::Widgets" IN_LIST ARG_LIBS))
    _rcvmon_qtest_pch_host(host)
    rcvmon_reuse_precompiled(${name} ${host})
  endif()
  if(NOT ARG_PLATFORM)
    set(ARG_PLATFORM offscreen)
  endif()
  rcvmon_discover_tests(${name} KIND qtest WRAPPER ${ARG_WRAPPER})
  rcvmon_test_properties(${name} TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "QT_QPA_PLATFORM=${ARG_PLATFORM}")
endfunction()
