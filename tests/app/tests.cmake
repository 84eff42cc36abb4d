# rcvmon-cli: option parsing everywhere; end-to-end runs of the real binary on Linux.
rcvmon_add_gtest(test_cli_options SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_options.cpp LIBS rcvmon_cli)
rcvmon_add_gtest(test_interface_specs SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_interface_specs.cpp LIBS rcvmon_cli)
if(NOT CMAKE_CROSSCOMPILING)
  rcvmon_add_gtest(test_cli_reference
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_reference.cpp
    LIBS rcvmon_tshark_tsv rcvmon_test_process)
  rcvmon_add_gtest(test_cli_export
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_export.cpp LIBS rcvmon_test_process)
  rcvmon_add_gtest(test_cli_interface_name
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_interface_name.cpp LIBS rcvmon_test_process)
  rcvmon_add_gtest(test_cli_comments
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_comments.cpp LIBS rcvmon_test_process)
  foreach(t test_cli_reference test_cli_export test_cli_interface_name test_cli_comments)
    target_compile_definitions(${t} PRIVATE
      RCVMON_CLI_PATH="$<TARGET_FILE:rcvmon-cli>"
      RCVMON_KNOWN_GAPS="${PROJECT_SOURCE_DIR}/tests/capture/dissect/known_gaps.tsv")
    add_dependencies(${t} rcvmon-cli)
  endforeach()
  # Name resolution (-N) against tshark -N on a bounded corpus sample.
  rcvmon_add_gtest(test_cli_names_reference
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_names_reference.cpp
    LIBS rcvmon_tshark_tsv rcvmon_test_process)
  target_compile_definitions(test_cli_names_reference PRIVATE
    RCVMON_CLI_PATH="$<TARGET_FILE:rcvmon-cli>"
    RCVMON_NAMES_KNOWN_GAPS="${CMAKE_CURRENT_LIST_DIR}/names_known_gaps.tsv")
  add_dependencies(test_cli_names_reference rcvmon-cli)
  rcvmon_test_properties(test_cli_names_reference TIMEOUT 900 COST 70 TSHARK)
  target_compile_definitions(test_cli_export PRIVATE RCVMON_SAMPLE_FILE="${PROJECT_SOURCE_DIR}/resources/sample.pcapng")
  # Many tshark and capinfos runs: 4-7 s idle, 46 s seen on a 2-core machine at load 15.
  rcvmon_test_properties(test_cli_export TIMEOUT 300 TSHARK)
endif()
if(NOT CMAKE_CROSSCOMPILING AND NOT WIN32)
  set(rcvmon_live_test_dir ${PROJECT_SOURCE_DIR}/tests/capture/live/linux)
  rcvmon_add_gtest(test_cli_live
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_live.cpp ${CMAKE_CURRENT_LIST_DIR}/test_cli_live_files.cpp
    LIBS rcvmon_test_process rcvmon_test_live)
  target_include_directories(test_cli_live PRIVATE ${rcvmon_live_test_dir})
  target_compile_definitions(test_cli_live PRIVATE RCVMON_CLI_PATH="$<TARGET_FILE:rcvmon-cli>")
  add_dependencies(test_cli_live rcvmon-cli)
  rcvmon_test_properties(test_cli_live LABELS live RUN_SERIAL TIMEOUT 300)
endif()
if(NOT CMAKE_CROSSCOMPILING AND NOT WIN32)
  # -z follow against tshark over a sample of the corpus (one tshark run per capture).
  rcvmon_add_gtest(test_follow_reference
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_follow_reference.cpp LIBS rcvmon_test_process)
  target_compile_definitions(test_follow_reference PRIVATE
    RCVMON_CLI_PATH="$<TARGET_FILE:rcvmon-cli>"
    RCVMON_FOLLOW_KNOWN_GAPS="${CMAKE_CURRENT_LIST_DIR}/follow_known_gaps.tsv")
  add_dependencies(test_follow_reference rcvmon-cli)
  rcvmon_test_properties(test_follow_reference TIMEOUT 900 COST 75 TSHARK)
endif()
# Remote capture over a real sshd in namespaces of its own (root, OpenSSH; skipped otherwise).
if(NOT CMAKE_CROSSCOMPILING AND NOT WIN32)
  rcvmon_add_gtest(test_cli_remote
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_remote.cpp
    LIBS rcvmon_test_process rcvmon_test_ssh_lab)
  target_include_directories(test_cli_remote PRIVATE ${rcvmon_live_test_dir})
  target_compile_definitions(test_cli_remote PRIVATE RCVMON_CLI_PATH="$<TARGET_FILE:rcvmon-cli>")
  add_dependencies(test_cli_remote rcvmon-cli)
  rcvmon_test_properties(test_cli_remote LABELS live RUN_SERIAL TIMEOUT 300)
  # Issue 13: two remote hosts (two sshd) and a local interface at once.
  rcvmon_add_gtest(test_cli_two_remotes
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_two_remotes.cpp
    LIBS rcvmon_test_process rcvmon_test_ssh_lab)
  target_include_directories(test_cli_two_remotes PRIVATE ${rcvmon_live_test_dir})
  target_compile_definitions(test_cli_two_remotes PRIVATE RCVMON_CLI_PATH="$<TARGET_FILE:rcvmon-cli>")
  add_dependencies(test_cli_two_remotes rcvmon-cli)
  rcvmon_test_properties(test_cli_two_remotes LABELS live RUN_SERIAL TIMEOUT 300)
endif()
if(NOT CMAKE_CROSSCOMPILING AND NOT WIN32)
  # Issue 12: -z expert against tshark over a sample of the corpus (one tshark run per capture).
  rcvmon_add_gtest(test_expert_reference
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_expert_reference.cpp LIBS rcvmon_test_process)
  target_compile_definitions(test_expert_reference PRIVATE
    RCVMON_CLI_PATH="$<TARGET_FILE:rcvmon-cli>"
    RCVMON_EXPERT_KNOWN_GAPS="${CMAKE_CURRENT_LIST_DIR}/expert_known_gaps.tsv")
  add_dependencies(test_expert_reference rcvmon-cli)
  rcvmon_test_properties(test_expert_reference TIMEOUT 1500 COST 62 TSHARK)
endif()
if(NOT CMAKE_CROSSCOMPILING AND NOT WIN32)
  # Issue 12: -z io,stat against tshark on corpus captures.
  rcvmon_add_gtest(test_io_stat_reference
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_io_stat_reference.cpp LIBS rcvmon_test_process)
  target_compile_definitions(test_io_stat_reference PRIVATE RCVMON_CLI_PATH="$<TARGET_FILE:rcvmon-cli>")
  add_dependencies(test_io_stat_reference rcvmon-cli)
  rcvmon_test_properties(test_io_stat_reference TIMEOUT 900 TSHARK)
endif()
