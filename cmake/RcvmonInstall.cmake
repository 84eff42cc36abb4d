# SPDX-License-Identifier: GPL-2.0-or-later
# `cmake --install`: the programs in bin/, and for the window what a desktop expects of an
# installed program (freedesktop.org layout): the .desktop entry, hicolor icons, AppStream
# metainfo, the pcapng MIME type, man pages, and the sample capture with the README.
# One id names the .desktop file, the icon and the AppStream component (and the window's
# QGuiApplication::desktopFileName), so software centres and Wayland shells tie them together.
include_guard(GLOBAL)
include(GNUInstallDirs)

set(RCVMON_APP_ID io.github.rcvmon.RcvMon)
set(RCVMON_INSTALL_DOCDIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/rcvmon)
set(rcvmon_res ${PROJECT_SOURCE_DIR}/resources)

install(TARGETS rcvmon-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${rcvmon_res}/man/rcvmon-cli.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${rcvmon_res}/sample.pcapng DESTINATION ${RCVMON_INSTALL_DOCDIR})

if(RCVMON_BUILD_GUI)
  install(TARGETS rcvmon RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES ${rcvmon_res}/man/rcvmon.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${rcvmon_res}/${RCVMON_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications)
  install(FILES ${rcvmon_res}/${RCVMON_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo)
  install(FILES ${rcvmon_res}/${RCVMON_APP_ID}.mime.xml DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/mime/packages
          RENAME ${RCVMON_APP_ID}.xml)
  # PNGs rendered once from rcvmon.svg (resources/tools/render_icons.sh), so installing needs
  # no SVG renderer; the SVG serves every other size.
  set(RCVMON_ICON_SIZES 16 22 24 32 48 64 128 256 512)
  foreach(size IN LISTS RCVMON_ICON_SIZES)
    install(FILES ${rcvmon_res}/icons/rcvmon-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/${size}x${size}/apps RENAME ${RCVMON_APP_ID}.png)
  endforeach()
  install(FILES ${rcvmon_res}/rcvmon.svg
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps RENAME ${RCVMON_APP_ID}.svg)
endif()
