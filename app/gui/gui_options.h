// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"

#include <QString>
#include <QStringList>

#include <cstdint>

namespace rcvmon {

// What `rcvmon` was asked to do on its command line.
struct GuiOptions {
    QString file;            // FILE or -r FILE ("-" = standard input)
    QString interfaceName;   // -i IFACE
    CaptureMode mode = CaptureMode::IpLevel;
    QString benchFile;       // --bench-open FILE
    QString scrollFile;      // --bench-scroll FILE
    std::uint64_t liveRate = 0;  // --bench-live RATE[:SECONDS]
    int liveSeconds = 10;
    int captureSeconds = 0;      // --bench-capture SECONDS (with -i)
};

// false with a one-line message on bad usage.
bool parseGuiOptions(const QStringList& arguments, GuiOptions& out, QString& error);

}  // namespace rcvmon
