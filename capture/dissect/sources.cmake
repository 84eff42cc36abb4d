# SPDX-License-Identifier: GPL-2.0-or-later
# Dissection: field registry, the Dissection result, the Dissector with its cross-frame
# state, the fast classifier, and one file per protocol under protocols/.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/detail_tree.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dissection.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dissector.cpp
  ${CMAKE_CURRENT_LIST_DIR}/echo_transactions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/field_format.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_packet.cpp
  ${CMAKE_CURRENT_LIST_DIR}/field_registry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/flow_prefetch.cpp
  ${CMAKE_CURRENT_LIST_DIR}/flow_table.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ip_reassembly.cpp
  ${CMAKE_CURRENT_LIST_DIR}/packet_info.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocol_registry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quick_classify.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tcp_analysis.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tcp_conversations.cpp
  ${CMAKE_CURRENT_LIST_DIR}/expected_conversations.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pdu_prefixes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/udp_conversations.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/ah.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/app_ports.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/eap.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/eapol.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/ethernet.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/ethertype.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/http_body.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/ip_protocol.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/ipv4.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/linux_sll.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/llc.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/m3ua.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/mpls.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/nbdgm.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/null_loopback.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/raw_ip.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/smb_mailslot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/tcp_pdu.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocols/vlan.cpp)
