// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/timestamp.h"

#include <QString>

namespace rcvmon {

// How the Time column reads, as Wireshark's View ▸ Time Display Format.
enum class TimeFormat { Absolute, Relative, Delta };

QString timeFormatName(TimeFormat format);
TimeFormat parseTimeFormat(const QString& name, TimeFormat fallback);

// "2026-11-25 10:47:57.123456789" in local time.
QString formatAbsolute(const Timestamp& ts);
// Seconds from `origin` with 9 decimals, negative when ts is earlier.
QString formatSince(const Timestamp& ts, const Timestamp& origin);

}  // namespace rcvmon
