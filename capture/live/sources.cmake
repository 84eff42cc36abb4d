# Live capture: the shared interface and factory here, one backend per platform in its folder.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/capture_source.h
  ${CMAKE_CURRENT_LIST_DIR}/live_capture.h
  ${CMAKE_CURRENT_LIST_DIR}/live_capture.cpp)
if(WIN32)
  set(rcvmon_live_platform windows)
else()
  set(rcvmon_live_platform linux)
endif()
if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/${rcvmon_live_platform}/sources.cmake)
  include(${CMAKE_CURRENT_LIST_DIR}/${rcvmon_live_platform}/sources.cmake)
endif()
