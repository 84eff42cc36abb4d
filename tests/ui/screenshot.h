// SPDX-License-Identifier: GPL-2.0-or-later
// Screenshots the window tests keep for a reviewer, in the build's screenshots/ folder: each is
// checked to show something (distinct colours in a sparse sample) before it is written.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QSet>
#include <QString>
#include <QTest>
#include <QWidget>

namespace rcvmon::test {

inline const QString kScreenshotDir = QStringLiteral(RCVMON_BUILD_DIR "/screenshots");

inline void saveScreenshot(QWidget* widget, const QString& name, int minColours = 2)
{
    QCoreApplication::processEvents();
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 5)
        for (int x = 0; x < image.width(); x += 5) colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() >= minColours, qPrintable(name + QStringLiteral(" looks blank")));
    QVERIFY(QDir().mkpath(kScreenshotDir));
    QVERIFY(image.save(kScreenshotDir + QLatin1Char('/') + name));
    qInfo("wrote %s", qPrintable(kScreenshotDir + QLatin1Char('/') + name));
}

}  // namespace rcvmon::test
