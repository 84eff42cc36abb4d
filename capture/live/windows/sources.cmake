# Windows live capture: SIO_RCVALL raw sockets (seed), interfaces from GetAdaptersAddresses.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ipv6_header.cpp
  ${CMAKE_CURRENT_LIST_DIR}/overlapped_receiver.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rcvall_error.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rcvall_frame.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rcvall_pump.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rcvall_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/windows_interfaces.cpp
  ${CMAKE_CURRENT_LIST_DIR}/interface_traffic_windows.cpp
  ${CMAKE_CURRENT_LIST_DIR}/winsock_session.cpp)
# Flow owners from the IP Helper owner-PID tables (iphlpapi, linked in capture/CMakeLists.txt).
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ip_helper_flow_owner_resolver.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ip_helper_tables.cpp
  ${CMAKE_CURRENT_LIST_DIR}/process_image_name.cpp)
