# rcvmon-cli: the headless entry point. Its logic is a small library so tests can link it.
add_library(rcvmon_cli STATIC
  ${CMAKE_CURRENT_LIST_DIR}/bench_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cli_options.cpp
  ${CMAKE_CURRENT_LIST_DIR}/commands.cpp
  ${CMAKE_CURRENT_LIST_DIR}/detail_printer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/expert_taps.cpp
  ${CMAKE_CURRENT_LIST_DIR}/frame_exporter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/follow_request.cpp
  ${CMAKE_CURRENT_LIST_DIR}/follow_taps.cpp
  ${CMAKE_CURRENT_LIST_DIR}/frame_selection.cpp
  ${CMAKE_CURRENT_LIST_DIR}/glossary_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/interface_specs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/io_stat_request.cpp
  ${CMAKE_CURRENT_LIST_DIR}/io_stat_taps.cpp
  ${CMAKE_CURRENT_LIST_DIR}/live_sources.cpp
  ${CMAKE_CURRENT_LIST_DIR}/control_channel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/live_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/live_file_options.cpp
  ${CMAKE_CURRENT_LIST_DIR}/live_output.cpp
  ${CMAKE_CURRENT_LIST_DIR}/packet_printer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/read_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statistic_request.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statistics_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statistics_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stop_signals.cpp)
target_include_directories(rcvmon_cli PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(rcvmon_cli PUBLIC rcvmon_capture)
rcvmon_set_warnings(rcvmon_cli)

add_executable(rcvmon-cli ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
target_link_libraries(rcvmon-cli PRIVATE rcvmon_cli)
rcvmon_set_warnings(rcvmon-cli)
if(CMAKE_CROSSCOMPILING)
  target_link_options(rcvmon-cli PRIVATE -static)
endif()
