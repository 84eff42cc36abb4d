# SPDX-License-Identifier: GPL-2.0-or-later
# Name resolution: registry and services parsing from fixtures written by the tests, host names
# learned from hand-built DNS answers, the asynchronous resolver with an injected lookup.
rcvmon_add_gtest(test_names SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/test_mac_names.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_services.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_dns_learned_hosts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_reverse_dns.cpp)
target_include_directories(test_names PRIVATE ${PROJECT_SOURCE_DIR}/tests/capture/dissect)
