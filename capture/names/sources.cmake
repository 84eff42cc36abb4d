# SPDX-License-Identifier: GPL-2.0-or-later
# Name resolution (Wireshark's View ▸ Name Resolution, tshark's -N): MAC vendors, transport
# names, host names learned from captured DNS answers, optional asynchronous reverse DNS.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/dns_learned_hosts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ip_address.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mac_names.cpp
  ${CMAKE_CURRENT_LIST_DIR}/name_resolver.cpp
  ${CMAKE_CURRENT_LIST_DIR}/oui_table.cpp
  ${CMAKE_CURRENT_LIST_DIR}/port_names_scope.cpp
  ${CMAKE_CURRENT_LIST_DIR}/resolution_flags.cpp
  ${CMAKE_CURRENT_LIST_DIR}/resolved_fields.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reverse_dns.cpp
  ${CMAKE_CURRENT_LIST_DIR}/service_table.cpp
  ${CMAKE_CURRENT_LIST_DIR}/text_file.cpp)
