# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the package tests: the shell side of tests/support/require.h. `require COND WHAT`
# gives up when the command COND fails: exit 77 (ctest's SKIP_RETURN_CODE) normally, exit 1
# when RCVMON_REQUIRE_REFERENCES is on in the environment, or, when the environment does not
# say, in the CMake option (passed as RCVMON_REQUIRE_REFERENCES_DEFAULT).

references_required() {
  case "${RCVMON_REQUIRE_REFERENCES:-${RCVMON_REQUIRE_REFERENCES_DEFAULT:-0}}" in
    ""|0|OFF|off|NO|no|FALSE|false) return 1 ;;
    *) return 0 ;;
  esac
}

# require 'command -v debootstrap' "debootstrap on PATH (scripts/test installs it)"
require() {
  if ! sh -c "$1" >/dev/null 2>&1; then
    if references_required; then
      echo "missing: $2 (RCVMON_REQUIRE_REFERENCES is on, so this is a failure)" >&2
      exit 1
    fi
    echo "missing: $2 (skipped; RCVMON_REQUIRE_REFERENCES=ON makes this a failure)" >&2
    exit 77
  fi
}

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
