// SPDX-License-Identifier: GPL-2.0-or-later
#include "capture_backend.h"

#include "live/live_capture.h"

namespace rcvmon {

// Only capture/live's platform-neutral API: AF_PACKET on Linux, SIO_RCVALL on Windows.
CaptureBackend systemCaptureBackend()
{
    CaptureBackend backend;
    backend.open = [](const CaptureRequest& request, QString& error) -> std::unique_ptr<CaptureSource> {
        LiveCaptureOptions options;
        options.interfaceName = request.interfaceName.toStdString();
        options.mode = request.mode;
        options.filter = request.filter.toStdString();
        options.allProtocols = request.allProtocols;
        std::string message;
        std::unique_ptr<CaptureSource> source = openLiveCapture(options, message);
        if (!source) error = QString::fromStdString(message);
        return source;
    };
    backend.interfaces = [](QString& error) {
        std::string message;
        std::vector<NetworkInterface> list = listNetworkInterfaces(message);
        if (!message.empty()) error = QString::fromStdString(message);
        return list;
    };
    backend.defaultInterface = []() -> std::optional<QString> {
        const std::optional<std::string> name = defaultCaptureInterface();
        if (!name) return std::nullopt;
        return QString::fromStdString(*name);
    };
    backend.promiscuous = [](const QString& name) { return interfacePromiscuous(name.toStdString()); };
    return backend;
}

}  // namespace rcvmon
