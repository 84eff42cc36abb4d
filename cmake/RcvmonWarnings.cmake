# SPDX-License-Identifier: GPL-2.0-or-later
# Warnings every RcvMon target compiles with; clean is the bar.
function(rcvmon_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  endif()
endfunction()
