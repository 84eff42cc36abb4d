# SPDX-License-Identifier: GPL-2.0-or-later
# Included by ctest (never by the project): turns one test executable into one ctest entry per
# gtest test or QtTest slot, so a test that skips can never hide a sibling that fails.
# The list comes from the executable itself (--gtest_list_tests, or QtTest's -functions), run
# when ctest starts (through the cross-compiling emulator for the mingw build), and is cached
# in CTEST_FILE until the executable changes. RcvmonTesting.cmake writes the call.
#
# rcvmon_discover_tests(NAME n KIND gtest|qtest EXECUTABLE exe CTEST_FILE f CMAKE cmake
#   [EMULATOR cmd...] [WRAPPER cmd...])
# with the variable RCVMON_DISCOVER_PROPERTIES holding the properties of every test, already
# quoted: [==[TIMEOUT]==] [==[60]==] [==[LABELS]==] [==[live;tsan]==] ... (a variable, because
# a function's arguments would split the lists inside).
# Each test is named n.Suite.Test (gtest) or n.slot (QtTest) and skips with exit status 77.

function(rcvmon_discover_tests)
  cmake_parse_arguments(ARG "" "NAME;KIND;EXECUTABLE;CTEST_FILE;CMAKE" "EMULATOR;WRAPPER" ${ARGN})
  set(script "")
  if(NOT EXISTS "${ARG_EXECUTABLE}")
    string(APPEND script "add_test([==[${ARG_NAME}_NOT_BUILT]==] [==[${ARG_NAME}_NOT_BUILT]==])\n")
    file(WRITE "${ARG_CTEST_FILE}" "${script}")
    return()
  endif()

  # Under an emulator (the mingw-w64 build under wine) each process start costs a wine start
  # (0.2-0.5 s, and a listing run at every ctest start): the executable is one entry there,
  # run whole. It still fails when any test fails, and with --rcvmon-skip-if-any it reports
  # skipped when any test skipped, so a skip shows and never hides a failure. The native build
  # keeps one entry per test.
  if(ARG_EMULATOR AND ARG_KIND STREQUAL "gtest")
    set(test "[==[${ARG_NAME}]==]")
    set(command_prefix "")
    foreach(word IN LISTS ARG_EMULATOR ARG_WRAPPER)
      string(APPEND command_prefix " [==[${word}]==]")
    endforeach()
    string(APPEND script
      "add_test(${test}${command_prefix} [==[${ARG_EXECUTABLE}]==] --rcvmon-skip-if-any)\n"
      "set_tests_properties(${test} PROPERTIES SKIP_RETURN_CODE 77 ${RCVMON_DISCOVER_PROPERTIES})\n")
    # The timeout was given for one test: the whole executable gets at least 20 minutes.
    if(RCVMON_DISCOVER_PROPERTIES MATCHES "\\[==\\[TIMEOUT\\]==\\] \\[==\\[([0-9]+)\\]==\\]"
       AND CMAKE_MATCH_1 LESS 1200)
      string(APPEND script "set_tests_properties(${test} PROPERTIES TIMEOUT 1200)\n")
    endif()
    file(WRITE "${ARG_CTEST_FILE}" "${script}")
    return()
  endif()

  if(ARG_KIND STREQUAL "gtest")
    set(list_command ${ARG_EMULATOR} "${ARG_EXECUTABLE}" --gtest_list_tests)
    set(list_env "")
  else()
    # QTEST_MAIN builds its application before reading -functions: give it a platform that
    # needs no display.
    set(list_command "${ARG_EXECUTABLE}" -functions)
    set(list_env QT_QPA_PLATFORM=offscreen)
  endif()
  execute_process(
    COMMAND "${ARG_CMAKE}" -E env ${list_env} ${list_command}
    TIMEOUT 120
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors
    RESULT_VARIABLE result)

  set(names "")
  set(selectors "")
  if(result EQUAL 0)
    string(REPLACE ";" "\\;" output "${output}")
    string(REPLACE "\n" ";" lines "${output}")
    set(suite "")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "\r$" "" line "${line}")
      if(ARG_KIND STREQUAL "gtest")
        # "Suite.  # TypeParam = ..." then "  Test  # GetParam() = ..." lines.
        if(line MATCHES "^([^ #][^ ]*)\\.( *#.*)?$")
          set(suite "${CMAKE_MATCH_1}")
        elseif(line MATCHES "^  ([^ #]+)" AND NOT suite STREQUAL "")
          list(APPEND names "${suite}.${CMAKE_MATCH_1}")
          list(APPEND selectors "--gtest_filter=${suite}.${CMAKE_MATCH_1}")
        endif()
      elseif(line MATCHES "^([A-Za-z_][A-Za-z0-9_]*)\\(\\)$")
        list(APPEND names "${CMAKE_MATCH_1}")
        list(APPEND selectors "${CMAKE_MATCH_1}")
      endif()
    endforeach()
  endif()
  list(LENGTH names count)
  if(NOT result EQUAL 0 OR count EQUAL 0)
    # Visible as a failing test, with what the executable said.
    string(REPLACE "\n" " | " said "${output} ${errors}")
    string(APPEND script
      "add_test([==[${ARG_NAME}.DISCOVERY_FAILED]==] [==[${ARG_CMAKE}]==] -E echo "
      "[==[listing the tests of ${ARG_EXECUTABLE} failed (status ${result}, ${count} tests): ${said}]==])\n"
      "set_tests_properties([==[${ARG_NAME}.DISCOVERY_FAILED]==] PROPERTIES WILL_FAIL TRUE)\n")
    file(WRITE "${ARG_CTEST_FILE}" "${script}")
    return()
  endif()

  set(command_prefix "")
  foreach(word IN LISTS ARG_EMULATOR ARG_WRAPPER)
    string(APPEND command_prefix " [==[${word}]==]")
  endforeach()
  set(properties " ${RCVMON_DISCOVER_PROPERTIES}")
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    list(GET names ${i} name)
    list(GET selectors ${i} selector)
    set(test "[==[${ARG_NAME}.${name}]==]")
    string(APPEND script
      "add_test(${test}${command_prefix} [==[${ARG_EXECUTABLE}]==] [==[${selector}]==])\n"
      "set_tests_properties(${test} PROPERTIES SKIP_RETURN_CODE 77${properties})\n")
  endforeach()
  file(WRITE "${ARG_CTEST_FILE}" "${script}")
endfunction()
