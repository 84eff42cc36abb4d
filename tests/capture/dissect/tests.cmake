# SPDX-License-Identifier: GPL-2.0-or-later
# The tshark tsv comparison is a small library: the CLI's reference test reuses it.
add_library(rcvmon_tshark_tsv STATIC ${CMAKE_CURRENT_LIST_DIR}/tshark_tsv.cpp)
target_include_directories(rcvmon_tshark_tsv PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_compile_features(rcvmon_tshark_tsv PUBLIC cxx_std_20)
rcvmon_set_warnings(rcvmon_tshark_tsv)

rcvmon_add_gtest(test_dissect_protocols SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/test_dissect_protocols.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_truncation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_field_format.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_reassembly.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_tcp_desegment.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_dissect_text_apps.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_dissect_tcp.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_tcp_kept_bound.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_dissect_windows.cpp)
rcvmon_add_gtest(test_dissect_tls SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/test_dissect_tls.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_dissect_quic.cpp)
rcvmon_add_gtest(test_tshark_tsv SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_tshark_tsv.cpp LIBS rcvmon_tshark_tsv)

# The corpus references run on Linux, where the corpus and tshark are.
if(NOT CMAKE_CROSSCOMPILING)
  rcvmon_add_gtest(test_dissect_reference SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/test_dissect_reference.cpp
    ${CMAKE_CURRENT_LIST_DIR}/capture_frames.cpp
    LIBS rcvmon_tshark_tsv)
  target_compile_definitions(test_dissect_reference PRIVATE RCVMON_DISSECT_TEST_DIR="${CMAKE_CURRENT_LIST_DIR}")
endif()
if(NOT CMAKE_CROSSCOMPILING)
  rcvmon_add_gtest(test_dissect_tshark_fields SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/test_dissect_tshark_fields.cpp
    ${CMAKE_CURRENT_LIST_DIR}/capture_frames.cpp
    LIBS rcvmon_tshark_tsv)
  target_compile_definitions(test_dissect_tshark_fields PRIVATE RCVMON_DISSECT_TEST_DIR="${CMAKE_CURRENT_LIST_DIR}")
  rcvmon_test_properties(test_dissect_tshark_fields TIMEOUT 900 COST 69 TSHARK)
  # SIP/SDP-announced RTP, RTCP and RTP EVENT against tshark for the same bytes.
  rcvmon_add_gtest(test_dissect_rtp SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_rtp.cpp LIBS rcvmon_tshark_tsv)
  rcvmon_test_properties(test_dissect_rtp TSHARK)
endif()

# Protocol and Info columns and deep fields over public/ and large/, gated on per-protocol
# agreement floors (column_floors.tsv) that only go up.
if(NOT CMAKE_CROSSCOMPILING)
  rcvmon_add_gtest(test_dissect_columns_reference SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/test_dissect_columns_reference.cpp
    ${CMAKE_CURRENT_LIST_DIR}/column_agreement.cpp
    LIBS rcvmon_tshark_tsv)
  target_compile_definitions(test_dissect_columns_reference PRIVATE RCVMON_DISSECT_TEST_DIR="${CMAKE_CURRENT_LIST_DIR}")
  rcvmon_test_properties(test_dissect_columns_reference TIMEOUT 900)
endif()
rcvmon_add_gtest(test_dissect_udp_services SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_udp_services.cpp)
rcvmon_add_gtest(test_dissect_rpc SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_rpc.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_dissect_ncp.cpp)
rcvmon_add_gtest(test_dissect_tail SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_tail.cpp)

# The QUIC tests protect packets themselves with libcrypto, when the build has it.
find_package(OpenSSL COMPONENTS Crypto)
if(OPENSSL_CRYPTO_LIBRARY)
  target_link_libraries(test_dissect_tls PRIVATE OpenSSL::Crypto)
  target_compile_definitions(test_dissect_tls PRIVATE RCVMON_HAVE_OPENSSL)
endif()

# Network-layer and routing protocols against tshark's columns and fields for the same bytes.
rcvmon_add_gtest(test_dissect_network SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_network.cpp)

# Link types, tunnels and Wireshark's exception notes against tshark's columns for the same bytes.
rcvmon_add_gtest(test_dissect_links SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_links.cpp)

# Industrial, routing and remote-access protocols against tshark's columns, fields and filters.
rcvmon_add_gtest(test_dissect_industrial SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_industrial.cpp)

# The conversation index that TCP and UDP streams use, and how clear() empties it.
rcvmon_add_gtest(test_flow_index SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_flow_index.cpp)

# Database and stream protocols over TCP against tshark's columns and fields for the same bytes.
rcvmon_add_gtest(test_dissect_db SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_db.cpp)

# Gaps closed in protocols already dissected (TCP segments of PDUs, HTTP, FTP AUTH TLS, SNMP's udp.stream).
rcvmon_add_gtest(test_dissect_core_gaps SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_core_gaps.cpp)

# 802.11 in Aruba's GRE, NFLOG, POP and SMTP carrying IMF, MPTCP mid-PDU segments, against tshark's columns, fields and filters.
rcvmon_add_gtest(test_dissect_depth4 SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_depth4.cpp)
# Issue 10: encapsulations the display filter sees through (link-type wrappers, EtherType shims, MPLS in UDP, IPv6 TSO).
rcvmon_add_gtest(test_dissect_encapsulations SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_encapsulations.cpp)
# Issue 10, network side: DVMRP, PIMv1, radiotap, LWAPP, RDPUDP, IS-IS and bad IP/UDP lengths against tshark.
rcvmon_add_gtest(test_dissect_net_routing SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_net_routing.cpp)
# Issue 10: frame.protocols, Protocol and Info against tshark on hand-built IGMP, MPTCP, SCTP, keep-alive, HTTP, DNS/TCP, TLS frames.
rcvmon_add_gtest(test_dissect_frame_protocols SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_frame_protocols.cpp)
# Issue 10: Dissectors side by side on one thread (the window's in-order pass and row replays).
rcvmon_add_gtest(test_dissect_interleaved SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissect_interleaved.cpp)
