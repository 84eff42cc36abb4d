// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"
#include "live/capture_source.h"
#include "live/interface_traffic.h"
#include "live/network_interface.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace rcvmon {

// What the user asked to capture.
struct CaptureRequest {
    QString interfaceName;
    CaptureMode mode = CaptureMode::IpLevel;
    QString filter;
    bool allProtocols = false;
};

// How the window reaches the platform: open a live source, list interfaces, find the
// default route's interface. Tests hand the window a fake one.
struct CaptureBackend {
    std::function<std::unique_ptr<CaptureSource>(const CaptureRequest&, QString& error)> open;
    std::function<std::vector<NetworkInterface>(QString& error)> interfaces;
    std::function<std::optional<QString>()> defaultInterface;
    // Every interface's traffic counters now (the start page's sparklines); null: none shown.
    std::function<std::vector<InterfaceTraffic>(QString& error)> traffic;
    // The kernel's promiscuous flag of an interface, when it can be read.
    std::function<std::optional<bool>(const QString& name)> promiscuous;
    // One interface of a merged capture opened again, alone (never merged): restarting a
    // lost remote interface (InterfaceMembers). Null: restarting is not offered.
    std::function<std::unique_ptr<CaptureSource>(const CaptureRequest&, QString& error)> openMember;
};

// The platform's own capture (capture/live/live_capture.h).
CaptureBackend systemCaptureBackend();

}  // namespace rcvmon
