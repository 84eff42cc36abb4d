# Windows live capture: run as Windows programs (under wine when cross-compiled).
rcvmon_add_gtest(test_rcvall_error SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_rcvall_error.cpp)
rcvmon_add_gtest(test_ipv6_header SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ipv6_header.cpp)
rcvmon_add_gtest(test_rcvall_frame SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_rcvall_frame.cpp)
rcvmon_add_gtest(test_windows_interfaces SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_windows_interfaces.cpp)
rcvmon_add_gtest(test_overlapped_receiver SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_overlapped_receiver.cpp)
rcvmon_add_gtest(test_rcvall_source SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_rcvall_source.cpp)
rcvmon_add_gtest(test_rcvall_pump SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_rcvall_pump.cpp)
# Flow owners from the IP Helper tables: row conversion, image names, and the real tables
# (under wine: results or a clean "unavailable").
rcvmon_add_gtest(test_ip_helper_flow_owners SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ip_helper_flow_owners.cpp)
