# Fails when a file of the window, its models or the programs includes a platform backend's
# header: they reach capture only through capture/live's platform-neutral API, so the same code
# serves AF_PACKET and SIO_RCVALL. Run: cmake -DROOT=<source dir> -P check_platform_neutral.cmake
set(offenders "")
foreach(folder ui models app)
  file(GLOB_RECURSE sources "${ROOT}/${folder}/*.cpp" "${ROOT}/${folder}/*.h")
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" lines REGEX "#include[ \t]+[\"<]live/(linux|windows)/")
    if(lines)
      file(RELATIVE_PATH name "${ROOT}" "${source}")
      list(APPEND offenders "${name}: ${lines}")
    endif()
  endforeach()
endforeach()
if(offenders)
  list(JOIN offenders "\n  " text)
  message(FATAL_ERROR "platform backend headers outside capture/:\n  ${text}")
endif()
message(STATUS "ui/, models/ and app/ include no live/linux or live/windows header")
