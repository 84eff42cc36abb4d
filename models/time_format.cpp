// SPDX-License-Identifier: GPL-2.0-or-later
#include "time_format.h"

#include "core/time_span.h"

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
    // 128 bits: times centuries apart differ by more nanoseconds than an int64 holds.
    const WideNanoseconds diff = nanosecondsBetween(origin, ts);
    const auto mag = static_cast<UnsignedWideNanoseconds>(diff < 0 ? -diff : diff);
    // At most 2^64 + 4 seconds apart (int64 seconds, fractions below 2^32 ns): saturate the rest.
    const UnsignedWideNanoseconds secs = mag / 1'000'000'000;
    const auto shown = secs > UINT64_MAX ? UINT64_MAX : static_cast<std::uint64_t>(secs);
    return QStringLiteral("%1%2.%3")
        .arg(diff < 0 ? QStringLiteral("-") : QString())
        .arg(static_cast<qulonglong>(shown))
        .arg(static_cast<qulonglong>(mag % 1'000'000'000), 9, 10, QLatin1Char('0'));
}

}  // namespace rcvmon
