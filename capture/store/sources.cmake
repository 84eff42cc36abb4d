# Capture thread, ring, packet store and bandwidth bins: what sits between a source and the models.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/bandwidth_bins.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bandwidth_bins.h
  ${CMAKE_CURRENT_LIST_DIR}/capture_event.h
  ${CMAKE_CURRENT_LIST_DIR}/capture_session.cpp
  ${CMAKE_CURRENT_LIST_DIR}/capture_session.h
  ${CMAKE_CURRENT_LIST_DIR}/packet_record.h
  ${CMAKE_CURRENT_LIST_DIR}/page_block.cpp
  ${CMAKE_CURRENT_LIST_DIR}/page_block.h
  ${CMAKE_CURRENT_LIST_DIR}/packet_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/packet_store.h
  ${CMAKE_CURRENT_LIST_DIR}/packet_tags.h
  ${CMAKE_CURRENT_LIST_DIR}/protocol_class.h
  ${CMAKE_CURRENT_LIST_DIR}/spsc_ring.cpp
  ${CMAKE_CURRENT_LIST_DIR}/spsc_ring.h)
