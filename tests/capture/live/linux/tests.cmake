# Live capture on Linux: real traffic over a veth pair between two network namespaces the
# tests create (root needed; skipped with the reason otherwise).
add_executable(live_probe ${CMAKE_CURRENT_LIST_DIR}/live_probe.cpp)
target_link_libraries(live_probe PRIVATE rcvmon_capture)
rcvmon_set_warnings(live_probe)

rcvmon_add_gtest(test_live_linux_af_packet
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_af_packet_source.cpp LIBS rcvmon_test_live)
rcvmon_add_gtest(test_live_linux_interfaces
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_network_interfaces.cpp LIBS rcvmon_test_live)
rcvmon_add_gtest(test_live_linux_processes
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_live_processes.cpp LIBS rcvmon_test_live)
target_compile_definitions(test_live_linux_processes PRIVATE RCVMON_LIVE_PROBE="$<TARGET_FILE:live_probe>")
add_dependencies(test_live_linux_processes live_probe)

foreach(test test_live_linux_af_packet test_live_linux_interfaces test_live_linux_processes)
  target_include_directories(${test} PRIVATE ${CMAKE_CURRENT_LIST_DIR})
  # They change interface state in namespaces of their own, but share the machine's 2 cores.
  rcvmon_test_properties(${test} LABELS live RUN_SERIAL)
endforeach()

# The filter program under libpcap's BPF interpreter: no root, no namespaces.
rcvmon_add_gtest(test_live_linux_capture_filter
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_capture_filter.cpp LIBS rcvmon_test_netns)
target_include_directories(test_live_linux_capture_filter PRIVATE ${CMAKE_CURRENT_LIST_DIR})

# Flow owners from /proc: the table parser on samples and on our own sockets, the resolver on
# this process's sockets (no root needed), then a known program in a namespace (root).
rcvmon_add_gtest(test_live_linux_proc_net_parser SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_proc_net_parser.cpp)
rcvmon_add_gtest(test_live_linux_proc_resolver SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_proc_flow_owner_resolver.cpp)
rcvmon_add_gtest(test_live_linux_process_map
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_process_map_netns.cpp ${CMAKE_CURRENT_LIST_DIR}/script_child.cpp
          LIBS rcvmon_test_live)
target_include_directories(test_live_linux_process_map PRIVATE ${CMAKE_CURRENT_LIST_DIR})
rcvmon_test_properties(test_live_linux_process_map LABELS live RUN_SERIAL)
rcvmon_add_gtest(test_live_linux_proc_process_map SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_proc_process_map.cpp)
