// SPDX-License-Identifier: GPL-2.0-or-later
#include "spool_settings.h"

#include "capture_controller.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>

namespace rcvmon {

namespace {
const QString kDirectory = QStringLiteral("capture/spoolDirectory");
const QString kMemory = QStringLiteral("capture/memoryBoundMiB");  // the key older versions wrote
const QString kDisk = QStringLiteral("capture/diskBoundMiB");
}  // namespace

SpoolSettings SpoolSettings::load()
{
    QSettings settings;
    SpoolSettings s;
    s.directory = settings.value(kDirectory).toString();
    s.memoryBoundMiB = settings.value(kMemory, 0).toULongLong();
    s.diskBoundMiB = settings.value(kDisk, 0).toULongLong();
    return s;
}

void SpoolSettings::save() const
{
    QSettings settings;
    settings.setValue(kDirectory, directory);
    settings.setValue(kMemory, static_cast<qulonglong>(memoryBoundMiB));
    settings.setValue(kDisk, static_cast<qulonglong>(diskBoundMiB));
}

void SpoolSettings::applyTo(CaptureController& controller) const
{
    controller.setSpoolDirectory(directory);
    controller.setMemoryBound(memoryBoundMiB << 20);
    controller.setDiskBound(diskBoundMiB << 20);
}

QString boundsStatusText(const CaptureCounters& c)
{
    const QLocale locale;
    const auto size = [&](std::uint64_t bytes) { return locale.formattedDataSize(static_cast<qint64>(bytes)); };
    const QString disk = c.diskBound ? size(c.diskBound) : QCoreApplication::translate("rcvmon", "no limit");
    QString text = QCoreApplication::translate("rcvmon", "Memory: %1 of %2 · Spool: %3 of %4")
                       .arg(size(c.memoryUsed), size(c.memoryBound), size(c.diskUsed), disk);
    // The disk bound is the only thing that takes packets off the list: say how many it took.
    if (c.evicted)
        text += QCoreApplication::translate("rcvmon", " · %1 oldest packets dropped from the list by the disk bound")
                    .arg(locale.toString(static_cast<qulonglong>(c.evicted)));
    return text;
}

}  // namespace rcvmon
