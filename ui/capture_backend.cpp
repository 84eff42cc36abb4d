// SPDX-License-Identifier: GPL-2.0-or-later
#include "capture_backend.h"

#include "live/interface_choice.h"
#include "live/live_capture.h"
#include "live/ssh_target.h"

namespace rcvmon {

// Only capture/live's platform-neutral API: AF_PACKET on Linux, SIO_RCVALL on Windows.
CaptureBackend systemCaptureBackend()
{
    CaptureBackend backend;
    backend.open = [](const CaptureRequest& request, QString& error) -> std::unique_ptr<CaptureSource> {
        // "eth0, ssh://me@host/eth1": several interfaces, merged by time (interface_choice.h).
        const std::vector<std::string> names = splitInterfaceList(request.interfaceName.toStdString());
        if (names.size() != 1 || isSshUrl(names.front())) {
            std::vector<InterfaceChoice> choices;
            for (const std::string& name : names) choices.push_back({name, request.mode, request.filter.toStdString()});
            std::string message;
            RemoteCaptureOptions remote;
            remote.restartable = true;  // a lost connection can be restarted in the window
            auto source = openInterfaces(choices, request.allProtocols, remote, message);
            if (!source) error = QString::fromStdString(message);
            return source;
        }
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
    backend.openMember = [](const CaptureRequest& request, QString& error) -> std::unique_ptr<CaptureSource> {
        std::string message;
        auto source = openInterfaces({{request.interfaceName.toStdString(), request.mode, request.filter.toStdString()}},
                                     request.allProtocols, {}, message);
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
    backend.traffic = [](QString& error) {
        std::string message;
        std::vector<InterfaceTraffic> list = readInterfaceTraffic(message);
        if (!message.empty()) error = QString::fromStdString(message);
        return list;
    };
    return backend;
}

}  // namespace rcvmon
