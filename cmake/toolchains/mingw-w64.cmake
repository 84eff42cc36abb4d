# SPDX-License-Identifier: GPL-2.0-or-later
# Cross-compiles the Qt-free core and its tests for 64-bit Windows with Debian's
# mingw-w64 (posix threads), and runs the tests under wine: use with -DRCVMON_BUILD_GUI=OFF.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(RCVMON_MINGW_PREFIX x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${RCVMON_MINGW_PREFIX}-gcc-posix)
set(CMAKE_CXX_COMPILER ${RCVMON_MINGW_PREFIX}-g++-posix)
set(CMAKE_RC_COMPILER ${RCVMON_MINGW_PREFIX}-windres)

set(CMAKE_FIND_ROOT_PATH /usr/${RCVMON_MINGW_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)

# ctest runs each Windows test executable through wine.
find_program(RCVMON_WINE NAMES wine64 wine wine-stable PATHS /usr/lib/wine REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${RCVMON_WINE})
