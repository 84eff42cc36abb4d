// SPDX-License-Identifier: GPL-2.0-or-later
// DNP 3.0's value names as Wireshark 4.0 prints them (data link and application functions,
// the object groups a read or write names in Info) and the fixed sizes of common objects.
#pragma once

#include "dissect/field_registry.h"

#include <cstddef>
#include <cstdint>

namespace rcvmon {

inline constexpr ValueName kDnp3LinkPrimary[] = {
    {0, "Reset of Remote Link"}, {1, "Reset of User Process"}, {2, "Test Function For Link"},
    {3, "User Data"}, {4, "Unconfirmed User Data"}, {9, "Request Link Status"},
};

inline constexpr ValueName kDnp3LinkSecondary[] = {
    {0, "ACK"}, {1, "NACK"}, {11, "Status of Link"}, {14, "Link Service Not Functioning"},
    {15, "Link Service Not Used or Implemented"},
};

inline constexpr ValueName kDnp3AppFunctions[] = {
    {0, "Confirm"}, {1, "Read"}, {2, "Write"}, {3, "Select"}, {4, "Operate"}, {5, "Direct Operate"},
    {6, "Direct Operate No Ack"}, {7, "Immediate Freeze"}, {8, "Immediate Freeze No Ack"},
    {9, "Freeze and Clear"}, {10, "Freeze and Clear No ACK"}, {11, "Freeze With Time"},
    {12, "Freeze With Time No ACK"}, {13, "Cold Restart"}, {14, "Warm Restart"}, {15, "Initialize Data"},
    {16, "Initialize Application"}, {17, "Start Application"}, {18, "Stop Application"},
    {19, "Save Configuration"}, {20, "Enable Spontaneous Messages"}, {21, "Disable Spontaneous Messages"},
    {22, "Assign Classes"}, {23, "Delay Measurement"}, {24, "Record Current Time"}, {25, "Open File"},
    {26, "Close File"}, {27, "Delete File"}, {28, "Get File Info"}, {29, "File Authentication"},
    {30, "Abort File"}, {31, "Activate Config"}, {32, "Authentication Request"}, {33, "Authentication Error"},
    {129, "Response"}, {130, "Unsolicited Response"}, {131, "Authentication Response"},
};

// Keyed by group << 8, as Wireshark's tables are.
inline constexpr ValueName kDnp3ReadObjects[] = {
    {0x0000, "Device Attribute"}, {0x0100, "Binary Input"}, {0x0200, "Binary Input Change"},
    {0x0300, "Double-bit Input"}, {0x0400, "Double-bit Input Change"}, {0x0a00, "Binary Output"},
    {0x0b00, "Binary Output Change"}, {0x1400, "Counter"}, {0x1500, "Frozen Counter"},
    {0x1600, "Counter Change"}, {0x1700, "Frozen Counter Change"}, {0x1e00, "Analog Input"},
    {0x1f00, "Frozen Analog Input"}, {0x2000, "Analog Input Change"}, {0x2100, "Frozen Analog Input Change"},
    {0x2800, "Analog Output Status"}, {0x2a00, "Analog Output Change"}, {0x3200, "Time and Date"},
    {0x4600, "File Control"}, {0x5000, "Internal Indications"}, {0x6e00, "Octet String"},
};

inline constexpr ValueName kDnp3WriteObjects[] = {
    {0x3200, "Time and Date"}, {0x4600, "File Control"}, {0x5000, "Internal Indications"},
};

// Bytes of one item of a fixed-size object (no index prefix), SIZE_MAX when not known here.
constexpr std::size_t dnp3ObjectSize(std::uint8_t group, std::uint8_t variation)
{
    struct Size {
        std::uint8_t group, variation, bytes;
    };
    constexpr Size kSizes[] = {
        {1, 2, 1}, {2, 1, 1}, {2, 2, 7}, {2, 3, 3}, {3, 2, 1}, {4, 1, 1}, {4, 2, 7}, {4, 3, 3}, {10, 2, 1},
        {11, 1, 1}, {11, 2, 7}, {12, 1, 11}, {12, 2, 11}, {20, 1, 5}, {20, 2, 3}, {20, 3, 5}, {20, 4, 3},
        {20, 5, 4}, {20, 6, 2}, {20, 7, 4}, {20, 8, 2}, {21, 1, 5}, {21, 2, 3}, {21, 5, 11}, {21, 6, 9},
        {21, 9, 4}, {21, 10, 2}, {22, 1, 5}, {22, 2, 3}, {22, 5, 11}, {22, 6, 9}, {23, 1, 5}, {23, 2, 3},
        {23, 5, 11}, {23, 6, 9}, {30, 1, 5}, {30, 2, 3}, {30, 3, 4}, {30, 4, 2}, {30, 5, 5}, {30, 6, 9},
        {32, 1, 5}, {32, 2, 3}, {32, 3, 11}, {32, 4, 9}, {32, 5, 5}, {32, 6, 9}, {32, 7, 11}, {32, 8, 15},
        {40, 1, 5}, {40, 2, 3}, {40, 3, 5}, {40, 4, 9}, {41, 1, 5}, {41, 2, 3}, {41, 3, 5}, {41, 4, 9},
        {50, 1, 6}, {50, 2, 10}, {50, 3, 6}, {51, 1, 6}, {51, 2, 6}, {52, 1, 2}, {52, 2, 2},
    };
    for (const Size& s : kSizes)
        if (s.group == group && s.variation == variation) return s.bytes;
    return SIZE_MAX;
}

}  // namespace rcvmon
