# SPDX-License-Identifier: GPL-2.0-or-later
# Precompiled headers: the standard library, the dissector context, GoogleTest and Qt are parsed
# once per target instead of once per source file. A fresh build (CI builds four times: native,
# mingw-w64, ThreadSanitizer, fuzzers) spends most of its time parsing these headers.
#
# Off by default when a compiler launcher (ccache) is set: ccache does not cache compilations
# that use a precompiled header unless told to be sloppy about it, and a warm ccache is faster
# than any precompiled header.
include_guard(GLOBAL)

if(CMAKE_CXX_COMPILER_LAUNCHER)
  set(rcvmon_pch_default OFF)
else()
  set(rcvmon_pch_default ON)
endif()
option(RCVMON_PRECOMPILE_HEADERS "Precompile the headers every source file of a target includes" ${rcvmon_pch_default})

# The standard headers most of capture/ includes (grep '#include <' capture | sort | uniq -c).
set(RCVMON_PCH_STD
  <algorithm> <array> <atomic> <cstddef> <cstdint> <cstdio> <cstring> <functional> <memory>
  <optional> <span> <string> <string_view> <unordered_map> <utility> <vector>)

# rcvmon_precompile_core(TARGET): a target built from capture/'s sources (rcvmon_capture, the
# fuzzers' copy of the parsers). dissect/protocols/context.h is what every protocol includes.
function(rcvmon_precompile_core target)
  if(RCVMON_PRECOMPILE_HEADERS)
    target_precompile_headers(${target} PRIVATE ${RCVMON_PCH_STD}
      "${PROJECT_SOURCE_DIR}/capture/dissect/protocols/context.h")
  endif()
endfunction()

# rcvmon_precompile_qt(TARGET HEADERS...): a Qt library, with the Qt headers its sources include
# most (models/ has Qt Core and Gui only, ui/ also Widgets).
function(rcvmon_precompile_qt target)
  if(RCVMON_PRECOMPILE_HEADERS)
    target_precompile_headers(${target} PRIVATE ${RCVMON_PCH_STD} ${ARGN})
  endif()
endfunction()

# rcvmon_reuse_precompiled(TARGET HOST): a test executable takes its host's precompiled header,
# built once (GoogleTest or QtTest with Qt Widgets). GCC only: GCC falls back to the headers'
# text when the flags differ, where clang stops with an error; the clang builds (tsan, fuzz)
# compile few tests.
function(rcvmon_reuse_precompiled target host)
  if(RCVMON_PRECOMPILE_HEADERS AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_precompile_headers(${target} REUSE_FROM ${host})
  endif()
endfunction()
