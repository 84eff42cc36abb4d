# Linux live capture: AF_PACKET + TPACKET_V3, interfaces, libpcap-compiled capture filters.
# Included only on non-Windows builds (capture/live/sources.cmake).
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/af_packet_source.h
  ${CMAKE_CURRENT_LIST_DIR}/af_packet_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/capture_filter.h
  ${CMAKE_CURRENT_LIST_DIR}/capture_filter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/capture_privilege.h
  ${CMAKE_CURRENT_LIST_DIR}/capture_privilege.cpp
  ${CMAKE_CURRENT_LIST_DIR}/network_interfaces.h
  ${CMAKE_CURRENT_LIST_DIR}/network_interfaces.cpp
  ${CMAKE_CURRENT_LIST_DIR}/interface_traffic_linux.cpp)

find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(RCVMON_PCAP QUIET IMPORTED_TARGET libpcap)
endif()
if(TARGET PkgConfig::RCVMON_PCAP)
  target_link_libraries(rcvmon_capture PUBLIC PkgConfig::RCVMON_PCAP)
else()
  find_path(RCVMON_PCAP_INCLUDE_DIR pcap/pcap.h REQUIRED)
  find_library(RCVMON_PCAP_LIBRARY pcap REQUIRED)
  target_include_directories(rcvmon_capture PRIVATE ${RCVMON_PCAP_INCLUDE_DIR})
  target_link_libraries(rcvmon_capture PUBLIC ${RCVMON_PCAP_LIBRARY})
endif()
# Flow owners from /proc: socket tables, fd links, process names.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/proc_flow_owner_resolver.h
  ${CMAKE_CURRENT_LIST_DIR}/proc_flow_owner_resolver.cpp
  ${CMAKE_CURRENT_LIST_DIR}/proc_net_parser.h
  ${CMAKE_CURRENT_LIST_DIR}/proc_net_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/proc_socket_holders.h
  ${CMAKE_CURRENT_LIST_DIR}/proc_socket_holders.cpp)
# Remote interfaces over OpenSSH's client (fork/exec; not on Windows).
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ssh_source.h
  ${CMAKE_CURRENT_LIST_DIR}/ssh_source.cpp)
