# Capture files: RcvMon's own pcap / pcapng reader and writer, and a file capture source.
target_sources(rcvmon_capture PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/capture_file_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/capture_file_reader.h
  ${CMAKE_CURRENT_LIST_DIR}/capture_file_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/capture_file_writer.h
  ${CMAKE_CURRENT_LIST_DIR}/file_bytes.h
  ${CMAKE_CURRENT_LIST_DIR}/file_backed_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_input.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_input.h
  ${CMAKE_CURRENT_LIST_DIR}/file_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_source.h
  ${CMAKE_CURRENT_LIST_DIR}/mapped_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mapped_file.h
  ${CMAKE_CURRENT_LIST_DIR}/output_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/output_file.h
  ${CMAKE_CURRENT_LIST_DIR}/file_backed_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pcap_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pcap_reader.h
  ${CMAKE_CURRENT_LIST_DIR}/pcap_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pcap_writer.h
  ${CMAKE_CURRENT_LIST_DIR}/pcapng_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pcapng_reader.h
  ${CMAKE_CURRENT_LIST_DIR}/pcapng_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pcapng_writer.h)
