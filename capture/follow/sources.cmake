# SPDX-License-Identifier: GPL-2.0-or-later
# Follow Stream: a TCP or UDP conversation's payload in order, as tshark's -z follow and
# Wireshark's Follow Stream dialog show it.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/follow_stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/follow_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_follow.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stream_follower.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tcp_follow.cpp)
