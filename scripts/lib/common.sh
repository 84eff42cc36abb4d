# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by scripts/run and scripts/test: find the tree, install what is missing, build.
set -euo pipefail

RCVMON_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RCVMON_JOBS="${RCVMON_JOBS:-$(nproc 2>/dev/null || echo 2)}"

# Debian 12 / Ubuntu packages, the only registry RcvMon uses. qt6-charts-dev needs Qt6OpenGL's
# CMake files without depending on them, hence libqt6opengl6-dev. ieee-data: the OUI registry
# that names MAC vendors when Wireshark's manuf file is not installed. qt6-svg-dev: I/O graphs saved as SVG.
RCVMON_BUILD_PACKAGES=(cmake ninja-build g++ pkg-config libpcap-dev libgtest-dev zlib1g-dev libpcre2-dev libssl-dev
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev qt6-qpa-plugins ieee-data)
RCVMON_TEST_PACKAGES=(tshark tcpdump openssh-server openssh-client xvfb xauth iproute2 procps python3 clang libclang-rt-14-dev
  g++-mingw-w64-x86-64-posix libz-mingw-w64-dev wine64
  desktop-file-utils appstream shared-mime-info groff-base debootstrap dpkg-dev)

# Runs a command as root: directly when we are root (CI, containers without sudo), else via sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the packages that are not installed yet; does nothing (and needs no root) otherwise.
install_missing() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing: ${missing[*]}"
  # tshark asks whether non-root users may capture; answer for it.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | as_root debconf-set-selections
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# configure_and_build DIR [cmake args...]
configure_and_build() {
  local dir="$1"; shift
  cmake -S "$RCVMON_ROOT" -B "$dir" -G Ninja "$@"
  cmake --build "$dir" -j "$RCVMON_JOBS"
}

# build_labelled DIR LABEL [cmake args...]: configures, then builds only the test executables
# carrying LABEL (the target rcvmon_tests_<label>, RcvmonTesting.cmake), so a sanitizer build
# stays small.
build_labelled() {
  local dir="$1" label="$2"; shift 2
  cmake -S "$RCVMON_ROOT" -B "$dir" -G Ninja "$@"
  cmake --build "$dir" -j "$RCVMON_JOBS" --target "rcvmon_tests_$label"
}

# is_on VALUE: true for ON/1/YES/TRUE (any case), as CMake reads a boolean.
is_on() {
  case "${1,,}" in on|1|yes|true|y) return 0 ;; *) return 1 ;; esac
}
