# Flow owners, platform-neutral parts: matching rules, the key queue, the service over a fake
# resolver. Built and run on Linux and under wine; the threaded ones also under ThreadSanitizer.
rcvmon_add_gtest(test_flow_key SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_flow_key.cpp LABELS tsan)
rcvmon_add_gtest(test_socket_table SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_socket_table.cpp)
rcvmon_add_gtest(test_process_map SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_process_map.cpp LABELS tsan)
# Several sources merged into one capture, over scripted sources; pcap/pcapng streams and ssh:// names.
rcvmon_add_gtest(test_source_merger SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_source_merger.cpp LABELS tsan)
rcvmon_add_gtest(test_source_merger_members SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_source_merger_members.cpp LABELS tsan)
rcvmon_add_gtest(test_capture_stream_parser SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_capture_stream_parser.cpp)
# Issue 12 item 7: the kernel's per-interface traffic counters behind the start page's sparklines.
rcvmon_add_gtest(test_interface_traffic SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_interface_traffic.cpp)
