// SPDX-License-Identifier: GPL-2.0-or-later
// A real window with the bundled sample open, for the toolbar, Go menu, time reference and
// palette tests: fresh settings, the file fully loaded, the window shown and active.
#pragma once

#include "capture_controller.h"
#include "main_window.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTest>

#include <memory>

namespace rcvmon::test {

inline std::unique_ptr<MainWindow> openSampleWindow(const QString& directory)
{
    QSettings().clear();
    QSettings().setValue(QStringLiteral("spool/directory"), directory + QStringLiteral("/spool"));
    const QString path = directory + QStringLiteral("/sample.pcapng");
    QFile::remove(path);
    if (!QFile::copy(QStringLiteral(RCVMON_SOURCE_DIR "/resources/sample.pcapng"), path)) return nullptr;
    auto window = std::make_unique<MainWindow>(CaptureBackend{});
    window->resize(1400, 860);
    window->show();
    QApplication::setActiveWindow(window.get());
    if (!QTest::qWaitForWindowExposed(window.get()) || !window->openFile(path)) return nullptr;
    if (!QTest::qWaitFor([&] { return window->controller()->state() == CaptureController::State::Loaded; }, 20000))
        return nullptr;
    return window;
}

}  // namespace rcvmon::test
