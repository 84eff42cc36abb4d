// SPDX-License-Identifier: GPL-2.0-or-later
#include "time_format.h"

#include <QDateTime>

#include <cstdlib>

namespace rcvmon {

QString timeFormatName(TimeFormat format)
{
    switch (format) {
    case TimeFormat::Absolute: return QStringLiteral("absolute");
    case TimeFormat::Relative: return QStringLiteral("relative");
    case TimeFormat::Delta: return QStringLiteral("delta");
    }
    return QStringLiteral("relative");
}

TimeFormat parseTimeFormat(const QString& name, TimeFormat fallback)
{
    if (name == QLatin1String("absolute")) return TimeFormat::Absolute;
    if (name == QLatin1String("relative")) return TimeFormat::Relative;
    if (name == QLatin1String("delta")) return TimeFormat::Delta;
    return fallback;
}

QString formatAbsolute(const Timestamp& ts)
{
    // nsec may exceed 1e9 in odd files; carry it so the clock never shows 60+ seconds.
    const std::int64_t sec = ts.sec + ts.nsec / 1'000'000'000;
    const std::uint32_t nsec = ts.nsec % 1'000'000'000;
    const QDateTime when = QDateTime::fromSecsSinceEpoch(sec);
    return when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.")) +
           QStringLiteral("%1").arg(nsec, 9, 10, QLatin1Char('0'));
}

QString formatSince(const Timestamp& ts, const Timestamp& origin)
{
    const std::int64_t diff = ts.totalNanoseconds() - origin.totalNanoseconds();
    const std::int64_t mag = std::llabs(diff);
    return QStringLiteral("%1%2.%3")
        .arg(diff < 0 ? QStringLiteral("-") : QString())
        .arg(mag / 1'000'000'000)
        .arg(mag % 1'000'000'000, 9, 10, QLatin1Char('0'));
}

}  // namespace rcvmon
