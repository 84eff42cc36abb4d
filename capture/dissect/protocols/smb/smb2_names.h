// SPDX-License-Identifier: GPL-2.0-or-later
// SMB2 value names as Wireshark prints them (MS-SMB2 §2.2.1 commands, §2.2.33 directory
// information classes, §2.2.37 info types and levels, MS-FSCC §2.3 FSCTL codes).
#pragma once

#include "dissect/field_registry.h"

#include <span>
#include <string_view>

namespace rcvmon {

std::string_view smb2CommandName(std::uint64_t command);
std::span<const ValueName> smb2CommandValues();
std::span<const ValueName> smb2FindLevelNames();
std::span<const ValueName> smb2ClassNames();
std::span<const ValueName> smb2FileInfoNames();
std::span<const ValueName> smb2FsInfoNames();
std::span<const ValueName> smb2SecInfoNames();
std::string_view smb2FsctlName(std::uint64_t code);

}  // namespace rcvmon
