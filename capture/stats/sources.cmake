# SPDX-License-Identifier: GPL-2.0-or-later
# Statistics over dissected frames: conversations, endpoints and the protocol hierarchy,
# updated one frame at a time (tshark's -z conv, -z endpoints, -z io,phs), and top talkers
# per second for the window's chart.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/conversation_table.cpp
  ${CMAKE_CURRENT_LIST_DIR}/endpoint_table.cpp
  ${CMAKE_CURRENT_LIST_DIR}/layer_fields.cpp
  ${CMAKE_CURRENT_LIST_DIR}/packet_taps.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocol_hierarchy.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocol_path.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stat_address.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stat_kind.cpp
  ${CMAKE_CURRENT_LIST_DIR}/talker_timeline.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tcp_stream_index.cpp
  ${CMAKE_CURRENT_LIST_DIR}/traffic_statistics.cpp)
