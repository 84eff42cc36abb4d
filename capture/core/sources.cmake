# Shared value types: header-only.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/bytes.h
  ${CMAKE_CURRENT_LIST_DIR}/byte_reader.h
  ${CMAKE_CURRENT_LIST_DIR}/capture_mode.h
  ${CMAKE_CURRENT_LIST_DIR}/frame.h
  ${CMAKE_CURRENT_LIST_DIR}/frame_no_interface.h
  ${CMAKE_CURRENT_LIST_DIR}/huge_pages.h
  ${CMAKE_CURRENT_LIST_DIR}/link_type.h
  ${CMAKE_CURRENT_LIST_DIR}/prefaulting_allocator.h
  ${CMAKE_CURRENT_LIST_DIR}/timestamp.h
  ${CMAKE_CURRENT_LIST_DIR}/version.cpp)
