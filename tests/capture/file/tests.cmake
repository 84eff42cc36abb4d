# Capture files. The hand-built tests run everywhere, including mingw-w64 under wine.
rcvmon_add_gtest(test_capture_file SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/test_pcap_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_pcapng_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_reader_errors.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_stream_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_copied_reads.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_capture_file_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_live_file_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_file_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_file_backed_store.cpp)

# libpcap as the independent oracle, capinfos and tshark reading back what RcvMon writes:
# Linux only (neither exists for the mingw build).
if(NOT WIN32 AND NOT CMAKE_CROSSCOMPILING)
  rcvmon_add_gtest(test_capture_file_oracle
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_libpcap_oracle.cpp
    LIBS pcap)
  rcvmon_add_gtest(test_capture_file_export
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_export_roundtrip.cpp
    LIBS pcap)
  rcvmon_test_properties(test_capture_file_export TIMEOUT 300)
  # Issue 11 item 3: a crashed capture's ring of spool files, recovered as one.
  rcvmon_add_gtest(test_spool_sets SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_spool_sets.cpp)
endif()

# Packet comments (EPB opt_comment) read and written; its own target, so it builds alone.
rcvmon_add_gtest(test_pcapng_comments SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_pcapng_comments.cpp)
