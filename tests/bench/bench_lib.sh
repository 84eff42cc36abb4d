# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the benchmark scripts (sourced, not run).

# The median of the numbers on standard input, one per line.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Prints "wall cpu" seconds of one run of "$@"; cpu = user + system, the figure that a shared,
# noisy machine does not inflate.
seconds() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" > /dev/null 2>&1; } 2>&1 )
  awk '{ printf "%s %.3f\n", $1, $2 + $3 }' <<< "$t"
}
