target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/capture_source.h)
