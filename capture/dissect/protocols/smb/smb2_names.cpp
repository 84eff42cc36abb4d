// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/protocols/smb/smb2_names.h"

namespace rcvmon {
namespace {

constexpr ValueName kCommands[] = {
    {0, "Negotiate Protocol"}, {1, "Session Setup"}, {2, "Session Logoff"}, {3, "Tree Connect"},
    {4, "Tree Disconnect"}, {5, "Create"}, {6, "Close"}, {7, "Flush"}, {8, "Read"}, {9, "Write"}, {10, "Lock"},
    {11, "Ioctl"}, {12, "Cancel"}, {13, "KeepAlive"}, {14, "Find"}, {15, "Notify"}, {16, "GetInfo"},
    {17, "SetInfo"}, {18, "Break"},
};

constexpr ValueName kFindLevels[] = {
    {0x01, "SMB2_FIND_DIRECTORY_INFO"}, {0x02, "SMB2_FIND_FULL_DIRECTORY_INFO"},
    {0x03, "SMB2_FIND_BOTH_DIRECTORY_INFO"}, {0x04, "SMB2_FIND_INDEX_SPECIFIED"},
    {0x0C, "SMB2_FIND_NAME_INFO"}, {0x25, "SMB2_FIND_ID_BOTH_DIRECTORY_INFO"},
    {0x26, "SMB2_FIND_ID_FULL_DIRECTORY_INFO"},
};

constexpr ValueName kClasses[] = {{1, "FILE_INFO"}, {2, "FS_INFO"}, {3, "SEC_INFO"}, {4, "QUOTA_INFO"}};

constexpr ValueName kFileInfo[] = {
    {0x01, "SMB2_FILE_DIRECTORY_INFO"}, {0x02, "SMB2_FILE_FULL_DIRECTORY_INFO"},
    {0x03, "SMB2_FILE_BOTH_DIRECTORY_INFO"}, {0x04, "SMB2_FILE_BASIC_INFO"}, {0x05, "SMB2_FILE_STANDARD_INFO"},
    {0x06, "SMB2_FILE_INTERNAL_INFO"}, {0x07, "SMB2_FILE_EA_INFO"}, {0x08, "SMB2_FILE_ACCESS_INFO"},
    {0x09, "SMB2_FILE_NAME_INFO"}, {0x0a, "SMB2_FILE_RENAME_INFO"}, {0x0b, "SMB2_FILE_LINK_INFO"},
    {0x0c, "SMB2_FILE_NAMES_INFO"}, {0x0d, "SMB2_FILE_DISPOSITION_INFO"}, {0x0e, "SMB2_FILE_POSITION_INFO"},
    {0x0f, "SMB2_FILE_FULL_EA_INFO"}, {0x10, "SMB2_FILE_MODE_INFO"}, {0x11, "SMB2_FILE_ALIGNMENT_INFO"},
    {0x12, "SMB2_FILE_ALL_INFO"}, {0x13, "SMB2_FILE_ALLOCATION_INFO"}, {0x14, "SMB2_FILE_ENDOFFILE_INFO"},
    {0x15, "SMB2_FILE_ALTERNATE_NAME_INFO"}, {0x16, "SMB2_FILE_STREAM_INFO"}, {0x17, "SMB2_FILE_PIPE_INFO"},
    {0x18, "SMB2_FILE_PIPE_LOCAL_INFO"}, {0x19, "SMB2_FILE_PIPE_REMOTE_INFO"},
    {0x1a, "SMB2_FILE_MAILSLOT_QUERY_INFO"}, {0x1b, "SMB2_FILE_MAILSLOT_SET_INFO"},
    {0x1c, "SMB2_FILE_COMPRESSION_INFO"}, {0x1d, "SMB2_FILE_OBJECTID_INFO"},
    {0x1e, "SMB2_FILE_COMPLETION_INFO"}, {0x1f, "SMB2_FILE_MOVE_CLUSTER_INFO"},
    {0x20, "SMB2_FILE_QUOTA_INFO"}, {0x21, "SMB2_FILE_REPARSEPOINT_INFO"},
    {0x22, "SMB2_FILE_NETWORK_OPEN_INFO"}, {0x23, "SMB2_FILE_ATTRIBUTE_TAG_INFO"},
    {0x24, "SMB2_FILE_TRACKING_INFO"}, {0x25, "SMB2_FILE_MAXIMUM_INFO"},
    {0x2c, "SMB2_FILE_NORMALIZED_NAME_INFO"}, {0x3b, "SMB2_FILE_ID_INFORMATION"},
};

constexpr ValueName kFsInfo[] = {
    {0x01, "FileFsVolumeInformation"}, {0x02, "FileFsLabelInformation"}, {0x03, "FileFsSizeInformation"},
    {0x04, "FileFsDeviceInformation"}, {0x05, "FileFsAttributeInformation"},
    {0x06, "FileFsControlInformation"}, {0x07, "FileFsFullSizeInformation"},
    {0x08, "FileFsObjectIdInformation"}, {0x09, "FileFsDriverPathInformation"},
    {0x0a, "FileFsVolumeFlagsInformation"}, {0x0b, "FileFsSectorSizeInformation"},
};

constexpr ValueName kSecInfo[] = {{0x00, "SMB2_SEC_INFO_00"}};

struct Fsctl {
    std::uint32_t code;
    std::string_view name;
};
constexpr Fsctl kFsctls[] = {
    {0x00060194, "FSCTL_DFS_GET_REFERRALS"}, {0x000601B0, "FSCTL_DFS_GET_REFERRALS_EX"},
    {0x00090000, "FSCTL_REQUEST_OPLOCK_LEVEL_1"}, {0x00090018, "FSCTL_LOCK_VOLUME"},
    {0x0009001C, "FSCTL_UNLOCK_VOLUME"}, {0x0009003C, "FSCTL_GET_COMPRESSION"},
    {0x00090064, "FSCTL_GET_NTFS_VOLUME_DATA"}, {0x00090078, "FSCTL_IS_VOLUME_DIRTY"},
    {0x00090098, "FSCTL_SET_OBJECT_ID"}, {0x0009009C, "FSCTL_GET_OBJECT_ID"},
    {0x000900A0, "FSCTL_DELETE_OBJECT_ID"}, {0x000900A4, "FSCTL_SET_REPARSE_POINT"},
    {0x000900A8, "FSCTL_GET_REPARSE_POINT"}, {0x000900AC, "FSCTL_DELETE_REPARSE_POINT"},
    {0x000900BC, "FSCTL_SET_OBJECT_ID_EXTENDED"}, {0x000900C0, "FSCTL_CREATE_OR_GET_OBJECT_ID"},
    {0x000900C4, "FSCTL_SET_SPARSE"}, {0x000900EB, "FSCTL_READ_FILE_USN_DATA"},
    {0x000900EF, "FSCTL_WRITE_USN_CLOSE_RECORD"}, {0x0009027C, "FSCTL_GET_INTEGRITY_INFORMATION"},
    {0x00090284, "FSCTL_QUERY_FILE_REGIONS"}, {0x000940CF, "FSCTL_QUERY_ALLOCATED_RANGES"},
    {0x00094264, "FSCTL_OFFLOAD_READ"}, {0x000980C8, "FSCTL_SET_ZERO_DATA"},
    {0x00098208, "FSCTL_FILE_LEVEL_TRIM"}, {0x00098268, "FSCTL_OFFLOAD_WRITE"},
    {0x0009C040, "FSCTL_SET_COMPRESSION"}, {0x0009C280, "FSCTL_SET_INTEGRITY_INFORMATION"},
    {0x0011400C, "FSCTL_PIPE_PEEK"}, {0x00110018, "FSCTL_PIPE_WAIT"}, {0x0011C017, "FSCTL_PIPE_TRANSCEIVE"},
    {0x00140078, "FSCTL_SRV_REQUEST_RESUME_KEY"}, {0x001401D4, "FSCTL_LMR_REQUEST_RESILIENCY"},
    {0x001401FC, "FSCTL_QUERY_NETWORK_INTERFACE_INFO"}, {0x00140204, "FSCTL_VALIDATE_NEGOTIATE_INFO"},
    {0x00144064, "FSCTL_SRV_ENUMERATE_SNAPSHOTS"}, {0x001440F2, "FSCTL_SRV_COPYCHUNK"},
    {0x001441BB, "FSCTL_SRV_READ_HASH"}, {0x001480F2, "FSCTL_SRV_COPYCHUNK_WRITE"},
};

}  // namespace

std::string_view smb2CommandName(std::uint64_t command)
{
    return command < std::size(kCommands) ? kCommands[command].name : std::string_view{};
}
std::span<const ValueName> smb2CommandValues() { return kCommands; }
std::span<const ValueName> smb2FindLevelNames() { return kFindLevels; }
std::span<const ValueName> smb2ClassNames() { return kClasses; }
std::span<const ValueName> smb2FileInfoNames() { return kFileInfo; }
std::span<const ValueName> smb2FsInfoNames() { return kFsInfo; }
std::span<const ValueName> smb2SecInfoNames() { return kSecInfo; }

std::string_view smb2FsctlName(std::uint64_t code)
{
    for (const Fsctl& f : kFsctls)
        if (f.code == code) return f.name;
    return {};
}

}  // namespace rcvmon
