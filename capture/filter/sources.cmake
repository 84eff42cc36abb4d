# SPDX-License-Identifier: GPL-2.0-or-later
# Display filter: Wireshark's filter language over the dissector's fields — lexer, parser
# into a compact program, evaluation on a Dissection or on the quick header pass.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/color_filters.cpp
  ${CMAKE_CURRENT_LIST_DIR}/color_rule_matcher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/display_filter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_error.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_expression.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_lexer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_literals.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_names.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_regex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/packet_matcher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quick_packet.cpp
  ${CMAKE_CURRENT_LIST_DIR}/store_filter.cpp)

# "matches" uses PCRE2 as Wireshark does; the Windows cross build has none and uses std::regex.
if(NOT CMAKE_CROSSCOMPILING)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
endif()
if(PCRE2_FOUND)
  target_link_libraries(rcvmon_capture PRIVATE PkgConfig::PCRE2)
  set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/filter_regex.cpp PROPERTIES COMPILE_DEFINITIONS RCVMON_HAVE_PCRE2)
endif()
