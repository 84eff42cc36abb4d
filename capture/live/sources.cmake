# Live capture: the shared interface and factory here, one backend per platform in its folder.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/capture_source.h
  ${CMAKE_CURRENT_LIST_DIR}/live_capture.h
  ${CMAKE_CURRENT_LIST_DIR}/live_capture.cpp
  ${CMAKE_CURRENT_LIST_DIR}/interface_traffic.h
  ${CMAKE_CURRENT_LIST_DIR}/interface_traffic.cpp
  ${CMAKE_CURRENT_LIST_DIR}/network_interface.h)
if(WIN32)
  set(rcvmon_live_platform windows)
else()
  set(rcvmon_live_platform linux)
endif()
if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/${rcvmon_live_platform}/sources.cmake)
  include(${CMAKE_CURRENT_LIST_DIR}/${rcvmon_live_platform}/sources.cmake)
endif()
# Which process owns each flow: platform-neutral service, matching rules and queue here, the
# /proc and IP Helper resolvers in the platform folders.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/flow_key.h
  ${CMAKE_CURRENT_LIST_DIR}/flow_key.cpp
  ${CMAKE_CURRENT_LIST_DIR}/flow_key_queue.h
  ${CMAKE_CURRENT_LIST_DIR}/flow_key_queue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/flow_owner.h
  ${CMAKE_CURRENT_LIST_DIR}/flow_owner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/flow_seen_filter.h
  ${CMAKE_CURRENT_LIST_DIR}/flow_seen_filter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/process_map.h
  ${CMAKE_CURRENT_LIST_DIR}/process_map.cpp
  ${CMAKE_CURRENT_LIST_DIR}/socket_table.h
  ${CMAKE_CURRENT_LIST_DIR}/socket_table.cpp)
# Several sources as one capture (merged by time stamp) and pcap/pcapng streams from a pipe.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/capture_stream_parser.h
  ${CMAKE_CURRENT_LIST_DIR}/capture_stream_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/interface_choice.h
  ${CMAKE_CURRENT_LIST_DIR}/interface_choice.cpp
  ${CMAKE_CURRENT_LIST_DIR}/source_merger.h
  ${CMAKE_CURRENT_LIST_DIR}/source_merger.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ssh_target.h
  ${CMAKE_CURRENT_LIST_DIR}/ssh_target.cpp)
