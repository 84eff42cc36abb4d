# rcvmon-cli: option parsing everywhere; end-to-end runs of the real binary on Linux.
rcvmon_add_gtest(test_cli_options SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_options.cpp LIBS rcvmon_cli)
if(NOT CMAKE_CROSSCOMPILING)
  rcvmon_add_gtest(test_cli_reference
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_reference.cpp ${CMAKE_CURRENT_LIST_DIR}/run_process.cpp
    LIBS rcvmon_tshark_tsv)
  rcvmon_add_gtest(test_cli_export
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_export.cpp ${CMAKE_CURRENT_LIST_DIR}/run_process.cpp)
  foreach(t test_cli_reference test_cli_export)
    target_compile_definitions(${t} PRIVATE
      RCVMON_CLI_PATH="$<TARGET_FILE:rcvmon-cli>"
      RCVMON_KNOWN_GAPS="${PROJECT_SOURCE_DIR}/tests/capture/dissect/known_gaps.tsv")
    add_dependencies(${t} rcvmon-cli)
  endforeach()
endif()
