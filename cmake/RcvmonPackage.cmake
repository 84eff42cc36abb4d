# SPDX-License-Identifier: GPL-2.0-or-later
# `cpack -G DEB` (run in the build folder): a Debian package of what RcvmonInstall.cmake
# installs, under /usr. dpkg-shlibdeps (dpkg-dev) finds the library packages the programs link
# (Qt 6, libpcap, PCRE2, OpenSSL, zlib); what it cannot see is listed by hand below.
include_guard(GLOBAL)

set(CPACK_PACKAGE_NAME rcvmon)
set(CPACK_PACKAGE_VENDOR "The RcvMon developers")
set(CPACK_PACKAGE_CONTACT "The RcvMon developers <rcvmon@localhost>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "native network traffic monitor with a tshark-compatible CLI")
set(CPACK_PACKAGE_DESCRIPTION
"RcvMon captures on one network interface in promiscuous or IP-level mode (the
semantics of Windows' SIO_RCVALL), shows the packets live in a Qt window,
dissects them with Wireshark's field names, charts bandwidth and exports what
you select to pcapng or pcap files.
.
rcvmon-cli is the headless half: it captures, reads and filters captures with
tshark's flags, field names and formatting.")
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # rcvmon_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Loaded at run time, invisible to dpkg-shlibdeps: the SVG window icon goes through Qt's SVG
# image plugin; MAC vendor names (-N m, View > Name Resolution) come from ieee-data's OUI
# registry; the MIME type, the menu entry and the icons are indexed by the triggers of these
# packages when they are present.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6svg6, ieee-data, shared-mime-info, desktop-file-utils, hicolor-icon-theme")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "tshark, wireshark")

include(CPack)
