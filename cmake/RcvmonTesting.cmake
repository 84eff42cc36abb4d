# SPDX-License-Identifier: GPL-2.0-or-later
# GoogleTest for the Qt-free core: Debian's packaged build on Linux; for mingw-w64 the
# sources Debian ships in /usr/src/googletest, built here for Windows.
if(NOT TARGET GTest::gtest_main)
  if(CMAKE_CROSSCOMPILING)
    set(gtest_force_shared_crt ON CACHE BOOL "" FORCE)
    set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
    set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
    # googletest's own CMake defines the GTest:: aliases.
    add_subdirectory(/usr/src/googletest ${CMAKE_BINARY_DIR}/googletest EXCLUDE_FROM_ALL)
  else()
    find_package(GTest REQUIRED)
  endif()
endif()

# Where the reference captures live: RCVMON_CORPUS, else ../shared/corpus beside the checkout.
if(DEFINED ENV{RCVMON_CORPUS})
  set(RCVMON_CORPUS_DIR "$ENV{RCVMON_CORPUS}")
else()
  get_filename_component(RCVMON_CORPUS_DIR "${PROJECT_SOURCE_DIR}/../shared/corpus" ABSOLUTE)
endif()

# rcvmon_add_gtest(NAME SOURCES... [LABELS ...]): one executable, one ctest entry.
# A test that finds no corpus calls GTEST_SKIP and ctest reports it as skipped.
function(rcvmon_add_gtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LABELS;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE rcvmon_capture GTest::gtest_main ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
  target_compile_definitions(${name} PRIVATE
    RCVMON_CORPUS_DIR="${RCVMON_CORPUS_DIR}"
    RCVMON_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
  if(CMAKE_CROSSCOMPILING)
    target_link_options(${name} PRIVATE -static)
  endif()
  rcvmon_set_warnings(${name})
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES SKIP_REGULAR_EXPRESSION "\\[  SKIPPED \\]")
  if(ARG_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
endfunction()
