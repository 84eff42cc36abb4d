# SPDX-License-Identifier: GPL-2.0-or-later
# The linker: gold where GCC builds for this machine. A build links ~150 executables (each test
# is one), and GNU ld takes 0.2-1.1 s for each where gold takes a quarter of that. gold comes with
# binutils, so it needs no package more. Cross builds (mingw-w64: PE, which gold cannot write) and
# clang (the sanitizer builds) keep their default linker.
include_guard(GLOBAL)
include(CheckLinkerFlag)

option(RCVMON_USE_GOLD "Link with gold when GCC builds natively" ON)
if(RCVMON_USE_GOLD AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND NOT CMAKE_CROSSCOMPILING)
  check_linker_flag(CXX "-fuse-ld=gold" RCVMON_LINKER_GOLD_WORKS)
  if(RCVMON_LINKER_GOLD_WORKS)
    add_link_options(-fuse-ld=gold)
  endif()
endif()
