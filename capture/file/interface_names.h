// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/capture_file_reader.h"

#include <cstdint>
#include <functional>
#include <string_view>

namespace rcvmon {

// The reader's interface names by interface id, for Dissector::setInterfaceNames: looked up
// per frame, so a stream's interface blocks count as they arrive. The reader must outlive it.
// As Wireshark names them (cf_get_interface_name): a pcapng interface by its if_name, else its
// if_description, else "unknown"; a pcap file has no interfaces to name.
inline std::function<std::string_view(std::uint32_t)> interfaceNamesOf(const CaptureFileReader& reader)
{
    return [&reader](std::uint32_t id) {
        if (reader.format() != FileFormat::PcapNg) return std::string_view();
        const auto& interfaces = reader.interfaces();
        if (id < interfaces.size() && !interfaces[id].name.empty()) return std::string_view(interfaces[id].name);
        if (id < interfaces.size() && !interfaces[id].description.empty()) return std::string_view(interfaces[id].description);
        return std::string_view("unknown");
    };
}

}  // namespace rcvmon
