# SPDX-License-Identifier: GPL-2.0-or-later
# GoogleTest for the Qt-free core: Debian's packaged build on Linux; for mingw-w64 the
# sources Debian ships in /usr/src/googletest, built here for Windows.
include_guard(GLOBAL)
include(RcvmonPrecompiledHeaders)
if(NOT TARGET GTest::gtest)
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

# Where the reference captures live: -DRCVMON_CORPUS=DIR, else the environment's
# RCVMON_CORPUS, else ../shared/corpus beside the checkout.
set(RCVMON_CORPUS "" CACHE PATH "Reference captures (default: \$RCVMON_CORPUS, else ../shared/corpus)")
if(RCVMON_CORPUS)
  set(RCVMON_CORPUS_DIR "${RCVMON_CORPUS}")
elseif(DEFINED ENV{RCVMON_CORPUS})
  set(RCVMON_CORPUS_DIR "$ENV{RCVMON_CORPUS}")
else()
  get_filename_component(RCVMON_CORPUS_DIR "${PROJECT_SOURCE_DIR}/../shared/corpus" ABSOLUTE)
endif()

# A test that finds no corpus, tshark, capinfos, root or network namespaces skips
# (RCVMON_REQUIRE, tests/support/require.h); with this on it fails instead, naming what is
# missing. The environment variable of the same name overrides it at run time.
option(RCVMON_REQUIRE_REFERENCES "Tests fail, not skip, when a reference (corpus, tshark, capinfos, root, netns) is missing" OFF)
if(RCVMON_REQUIRE_REFERENCES)
  set(RCVMON_REQUIRE_REFERENCES_DEFAULT 1)
else()
  set(RCVMON_REQUIRE_REFERENCES_DEFAULT 0)
endif()
# The timeout of one gtest test or QtTest slot unless its executable says otherwise
# (rcvmon_test_properties): far above five times what the slowest of them takes on an idle
# machine (< 3 s), because a 2-core machine shared at load 15 ran them 5-10 times slower.
# -DRCVMON_TEST_TIMEOUT=s overrides it.
if(NOT DEFINED RCVMON_TEST_TIMEOUT)
  set(RCVMON_TEST_TIMEOUT 120)
endif()

# Compile definitions every test executable gets (gtest and QtTest alike). Test code itself is
# compiled with -Og: the code under test keeps the build type's optimization (it is in the
# libraries), and -O3 on test code only lengthens the build (a third of a test file's time).
function(rcvmon_test_definitions name)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${name} PRIVATE -Og)
  endif()
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
  target_compile_definitions(${name} PRIVATE
    RCVMON_CORPUS_DIR="${RCVMON_CORPUS_DIR}"
    RCVMON_REQUIRE_REFERENCES_DEFAULT=${RCVMON_REQUIRE_REFERENCES_DEFAULT})
endfunction()

# main() of every gtest executable: exit status 77 when its tests skipped (SKIP_RETURN_CODE).
if(NOT TARGET rcvmon_gtest_main)
  add_library(rcvmon_gtest_main STATIC ${PROJECT_SOURCE_DIR}/tests/support/gtest_main.cpp)
  target_link_libraries(rcvmon_gtest_main PUBLIC GTest::gtest)
  rcvmon_test_definitions(rcvmon_gtest_main)
  rcvmon_set_warnings(rcvmon_gtest_main)
  # Every gtest executable reuses this precompiled header (rcvmon_add_gtest).
  if(RCVMON_PRECOMPILE_HEADERS AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_link_libraries(rcvmon_gtest_main PUBLIC rcvmon_capture)
    target_precompile_headers(rcvmon_gtest_main PRIVATE <gtest/gtest.h> ${RCVMON_PCH_STD}
      "${PROJECT_SOURCE_DIR}/capture/dissect/protocols/context.h")
  endif()
endif()

# rcvmon_add_gtest(NAME SOURCES... [LIBS ...] [LABELS ...] [TIMEOUT s] [RUN_SERIAL]):
# one executable, one ctest entry per test in it, named NAME.Suite.Test.
function(rcvmon_add_gtest name)
  cmake_parse_arguments(ARG "RUN_SERIAL" "TIMEOUT" "SOURCES;LABELS;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE rcvmon_capture rcvmon_gtest_main ${ARG_LIBS})
  rcvmon_test_definitions(${name})
  target_compile_definitions(${name} PRIVATE RCVMON_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
  if(CMAKE_CROSSCOMPILING)
    target_link_options(${name} PRIVATE -static)
  endif()
  rcvmon_set_warnings(${name})
  rcvmon_reuse_precompiled(${name} rcvmon_gtest_main)
  rcvmon_discover_tests(${name} KIND gtest)
  set(serial)
  if(ARG_RUN_SERIAL)
    set(serial RUN_SERIAL)
  endif()
  rcvmon_test_properties(${name} TIMEOUT ${ARG_TIMEOUT} LABELS ${ARG_LABELS} ${serial})
endfunction()

# rcvmon_test_properties(NAME [TIMEOUT s] [COST s] [LABELS ...] [RUN_SERIAL] [TSHARK] [ENVIRONMENT var=value...]):
# properties of every ctest entry of executable NAME (set_tests_properties cannot reach them:
# they are listed when ctest starts). LABELS and ENVIRONMENT add to what is there. COST is the
# seconds one entry takes on an idle machine, for the slow ones: `ctest -j` starts the costliest
# first, so in a fresh build folder (no timings kept yet) they do not run last, one core busy
# and the other idle.
function(rcvmon_test_properties name)
  cmake_parse_arguments(ARG "RUN_SERIAL;TSHARK" "TIMEOUT;COST" "LABELS;ENVIRONMENT" ${ARGN})
  if(ARG_TSHARK)
    # The entries run tshark once per corpus capture. tshark spends most of its ~0.45 s start in
    # page faults (on a VM each is a trap to the hypervisor); glibc's malloc on transparent huge
    # pages takes ~15% off each run (test_stats_reference: 23 s against 19 s).
    list(APPEND ARG_ENVIRONMENT "GLIBC_TUNABLES=glibc.malloc.hugetlb=1")
  endif()
  if(ARG_TIMEOUT)
    set_property(TARGET ${name} PROPERTY RCVMON_TEST_TIMEOUT ${ARG_TIMEOUT})
  endif()
  if(ARG_COST)
    set_property(TARGET ${name} PROPERTY RCVMON_TEST_COST ${ARG_COST})
  endif()
  if(ARG_RUN_SERIAL)
    set_property(TARGET ${name} PROPERTY RCVMON_TEST_RUN_SERIAL TRUE)
  endif()
  set_property(TARGET ${name} APPEND PROPERTY RCVMON_TEST_LABELS ${ARG_LABELS})
  set_property(TARGET ${name} APPEND PROPERTY RCVMON_TEST_ENVIRONMENT ${ARG_ENVIRONMENT})
endfunction()

# rcvmon_discover_tests(NAME KIND gtest|qtest [WRAPPER cmd...]): ctest lists the executable's
# tests when it starts (cmake/RcvmonDiscoverTests.cmake), through the cross-compiling
# emulator when there is one; written at the end of the directory, once every
# rcvmon_test_properties call is in.
function(rcvmon_discover_tests name)
  cmake_parse_arguments(ARG "" "KIND" "WRAPPER" ${ARGN})
  set_property(TARGET ${name} PROPERTY RCVMON_TEST_KIND ${ARG_KIND})
  set_property(TARGET ${name} PROPERTY RCVMON_TEST_WRAPPER ${ARG_WRAPPER})
  cmake_language(EVAL CODE "cmake_language(DEFER CALL _rcvmon_write_test_discovery [[${name}]])")
endfunction()

function(_rcvmon_quote out)
  set(text "")
  foreach(word IN LISTS ARGN)
    string(APPEND text " [==[${word}]==]")
  endforeach()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(_rcvmon_write_test_discovery name)
  get_target_property(kind ${name} RCVMON_TEST_KIND)
  get_target_property(wrapper ${name} RCVMON_TEST_WRAPPER)
  get_target_property(timeout ${name} RCVMON_TEST_TIMEOUT)
  get_target_property(cost ${name} RCVMON_TEST_COST)
  get_target_property(serial ${name} RCVMON_TEST_RUN_SERIAL)
  get_target_property(labels ${name} RCVMON_TEST_LABELS)
  get_target_property(environment ${name} RCVMON_TEST_ENVIRONMENT)
  get_target_property(emulator ${name} CROSSCOMPILING_EMULATOR)
  if(NOT CMAKE_CROSSCOMPILING OR NOT emulator)
    set(emulator "")
  endif()
  if(NOT wrapper)
    set(wrapper "")
  endif()
  if(NOT timeout)
    set(timeout ${RCVMON_TEST_TIMEOUT})
  endif()
  set(properties " [==[WORKING_DIRECTORY]==] [==[${CMAKE_CURRENT_BINARY_DIR}]==] [==[TIMEOUT]==] [==[${timeout}]==]")
  if(serial)
    string(APPEND properties " [==[RUN_SERIAL]==] [==[TRUE]==]")
  endif()
  if(cost)
    string(APPEND properties " [==[COST]==] [==[${cost}]==]")
  endif()
  if(labels)
    list(REMOVE_DUPLICATES labels)
    string(APPEND properties " [==[LABELS]==] [==[${labels}]==]")
    # scripts/test builds only the executables of one label: `--target rcvmon_tests_<label>`.
    foreach(label IN LISTS labels)
      if(NOT TARGET rcvmon_tests_${label})
        add_custom_target(rcvmon_tests_${label})
      endif()
      add_dependencies(rcvmon_tests_${label} ${name})
    endforeach()
  endif()
  if(environment)
    string(APPEND properties " [==[ENVIRONMENT]==] [==[${environment}]==]")
  endif()
  _rcvmon_quote(emulator_text ${emulator})
  _rcvmon_quote(wrapper_text ${wrapper})
  set(ctest_file "${CMAKE_CURRENT_BINARY_DIR}/${name}_tests.cmake")
  set(include_file "${CMAKE_CURRENT_BINARY_DIR}/${name}_include.cmake")
  set(script "${PROJECT_SOURCE_DIR}/cmake/RcvmonDiscoverTests.cmake")
  file(GENERATE OUTPUT "${include_file}" CONTENT
"# Generated by RcvmonTesting.cmake: the ctest entries of ${name}.
set(rcvmon_exe [==[$<TARGET_FILE:${name}>]==])
set(rcvmon_ctest_file [==[${ctest_file}]==])
if(NOT EXISTS \"\${rcvmon_exe}\" OR NOT EXISTS \"\${rcvmon_ctest_file}\"
   OR \"\${rcvmon_exe}\" IS_NEWER_THAN \"\${rcvmon_ctest_file}\"
   OR \"\${CMAKE_CURRENT_LIST_FILE}\" IS_NEWER_THAN \"\${rcvmon_ctest_file}\"
   OR [==[${script}]==] IS_NEWER_THAN \"\${rcvmon_ctest_file}\")
  include([==[${script}]==])
  set(RCVMON_DISCOVER_PROPERTIES [===[${properties}]===])
  rcvmon_discover_tests(NAME [==[${name}]==] KIND ${kind} EXECUTABLE \"\${rcvmon_exe}\"
    CTEST_FILE \"\${rcvmon_ctest_file}\" CMAKE [==[${CMAKE_COMMAND}]==]
    EMULATOR${emulator_text} WRAPPER${wrapper_text})
endif()
include(\"\${rcvmon_ctest_file}\")
")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include_file}")
endfunction()
