// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/protocols/smb/dcerpc_interfaces.h"

namespace rcvmon {
namespace {

constexpr ValueName kSamr[] = {
    {0, "Connect"}, {1, "Close"}, {2, "SetSecurity"}, {3, "QuerySecurity"}, {4, "Shutdown"}, {5, "LookupDomain"},
    {6, "EnumDomains"}, {7, "OpenDomain"}, {8, "QueryDomainInfo"}, {9, "SetDomainInfo"},
    {10, "CreateDomainGroup"}, {11, "EnumDomainGroups"}, {12, "CreateUser"}, {13, "EnumDomainUsers"},
    {14, "CreateDomAlias"}, {15, "EnumDomainAliases"}, {16, "GetAliasMembership"}, {17, "LookupNames"},
    {18, "LookupRids"}, {19, "OpenGroup"}, {20, "QueryGroupInfo"}, {21, "SetGroupInfo"}, {22, "AddGroupMember"},
    {23, "DeleteDomainGroup"}, {24, "DeleteGroupMember"}, {25, "QueryGroupMember"},
    {26, "SetMemberAttributesOfGroup"}, {27, "OpenAlias"}, {28, "QueryAliasInfo"}, {29, "SetAliasInfo"},
    {30, "DeleteDomAlias"}, {31, "AddAliasMember"}, {32, "DeleteAliasMember"}, {33, "GetMembersInAlias"},
    {34, "OpenUser"}, {35, "DeleteUser"}, {36, "QueryUserInfo"}, {37, "SetUserInfo"}, {38, "ChangePasswordUser"},
    {39, "GetGroupsForUser"}, {40, "QueryDisplayInfo"}, {41, "GetDisplayEnumerationIndex"},
    {42, "TestPrivateFunctionsDomain"}, {43, "TestPrivateFunctionsUser"}, {44, "GetUserPwInfo"},
    {45, "RemoveMemberFromForeignDomain"}, {46, "QueryDomainInfo2"}, {47, "QueryUserInfo2"},
    {48, "QueryDisplayInfo2"}, {49, "GetDisplayEnumerationIndex2"}, {50, "CreateUser2"},
    {51, "QueryDisplayInfo3"}, {52, "AddMultipleMembersToAlias"}, {53, "RemoveMultipleMembersFromAlias"},
    {54, "OemChangePasswordUser2"}, {55, "ChangePasswordUser2"}, {56, "GetDomPwInfo"}, {57, "Connect2"},
    {58, "SetUserInfo2"}, {59, "SetBootKeyInformation"}, {60, "GetBootKeyInformation"}, {61, "Connect3"},
    {62, "Connect4"}, {63, "ChangePasswordUser3"}, {64, "Connect5"}, {65, "RidToSid"}, {66, "SetDsrmPassword"},
    {67, "ValidatePassword"},
};

constexpr ValueName kLsarpc[] = {
    {0, "lsa_Close"}, {1, "lsa_Delete"}, {2, "lsa_EnumPrivs"}, {3, "lsa_QuerySecurity"}, {4, "lsa_SetSecObj"},
    {5, "lsa_ChangePassword"}, {6, "lsa_OpenPolicy"}, {7, "lsa_QueryInfoPolicy"}, {8, "lsa_SetInfoPolicy"},
    {9, "lsa_ClearAuditLog"}, {10, "lsa_CreateAccount"}, {11, "lsa_EnumAccounts"},
    {12, "lsa_CreateTrustedDomain"}, {13, "lsa_EnumTrustDom"}, {14, "lsa_LookupNames"}, {15, "lsa_LookupSids"},
    {16, "lsa_CreateSecret"}, {17, "lsa_OpenAccount"}, {18, "lsa_EnumPrivsAccount"},
    {19, "lsa_AddPrivilegesToAccount"}, {20, "lsa_RemovePrivilegesFromAccount"}, {21, "lsa_GetQuotasForAccount"},
    {22, "lsa_SetQuotasForAccount"}, {23, "lsa_GetSystemAccessAccount"}, {24, "lsa_SetSystemAccessAccount"},
    {25, "lsa_OpenTrustedDomain"}, {26, "lsa_QueryTrustedDomainInfo"}, {27, "lsa_SetInformationTrustedDomain"},
    {28, "lsa_OpenSecret"}, {29, "lsa_SetSecret"}, {30, "lsa_QuerySecret"}, {31, "lsa_LookupPrivValue"},
    {32, "lsa_LookupPrivName"}, {33, "lsa_LookupPrivDisplayName"}, {34, "lsa_DeleteObject"},
    {35, "lsa_EnumAccountsWithUserRight"}, {36, "lsa_EnumAccountRights"}, {37, "lsa_AddAccountRights"},
    {38, "lsa_RemoveAccountRights"}, {39, "lsa_QueryTrustedDomainInfoBySid"}, {40, "lsa_SetTrustedDomainInfo"},
    {41, "lsa_DeleteTrustedDomain"}, {42, "lsa_StorePrivateData"}, {43, "lsa_RetrievePrivateData"},
    {44, "lsa_OpenPolicy2"}, {45, "lsa_GetUserName"}, {46, "lsa_QueryInfoPolicy2"}, {47, "lsa_SetInfoPolicy2"},
    {48, "lsa_QueryTrustedDomainInfoByName"}, {49, "lsa_SetTrustedDomainInfoByName"},
    {50, "lsa_EnumTrustedDomainsEx"}, {51, "lsa_CreateTrustedDomainEx"}, {52, "lsa_CloseTrustedDomainEx"},
    {53, "lsa_QueryDomainInformationPolicy"}, {54, "lsa_SetDomainInformationPolicy"},
    {55, "lsa_OpenTrustedDomainByName"}, {56, "lsa_TestCall"}, {57, "lsa_LookupSids2"}, {58, "lsa_LookupNames2"},
    {59, "lsa_CreateTrustedDomainEx2"}, {76, "lsa_LookupSids3"}, {77, "lsa_LookupNames4"},
};

constexpr ValueName kEpm[] = {
    {0, "Insert"}, {1, "Delete"}, {2, "Lookup"}, {3, "Map"}, {4, "LookupHandleFree"}, {5, "InqObject"},
    {6, "MgmtDelete"},
};

constexpr ValueName kSrvsvc[] = {
    {15, "NetShareEnumAll"}, {16, "NetShareGetInfo"}, {17, "NetShareSetInfo"}, {21, "NetSrvGetInfo"},
    {22, "NetSrvSetInfo"}, {28, "NetRemoteTOD"}, {36, "NetShareEnum"}, {8, "NetConnEnum"}, {9, "NetFileEnum"},
    {12, "NetSessEnum"}, {13, "NetSessDel"}, {14, "NetShareAdd"}, {18, "NetShareDel"},
};
constexpr ValueName kWkssvc[] = {{0, "NetWkstaGetInfo"}, {1, "NetWkstaSetInfo"}, {2, "NetWkstaEnumUsers"}};
constexpr ValueName kDrsuapi[] = {
    {0, "DsBind"}, {1, "DsUnbind"}, {2, "DsReplicaSync"}, {3, "DsGetNCChanges"}, {4, "DsReplicaUpdateRefs"},
    {5, "DsReplicaAdd"}, {6, "DsReplicaDel"}, {7, "DsReplicaMod"}, {8, "DsVerifyNames"}, {9, "DsGetMemberships"},
    {10, "DsInterDomainMove"}, {11, "DsGetNT4ChangeLog"}, {12, "DsCrackNames"}, {13, "DsWriteAccountSpn"},
    {14, "DsRemoveDSServer"}, {15, "DsRemoveDSDomain"}, {16, "DsGetDomainControllerInfo"}, {17, "DsAddEntry"},
    {18, "DsExecuteKCC"}, {19, "DsReplicaGetInfo"}, {20, "DsAddSidHistory"}, {21, "DsGetMemberships2"},
    {22, "DsReplicaVerifyObjects"}, {23, "DsGetObjectExistence"}, {24, "DsQuerySitesByCost"},
};
constexpr ValueName kDssetup[] = {{0, "DsRoleGetPrimaryDomainInformation"}};
constexpr ValueName kSvcctl[] = {
    {0, "CloseServiceHandle"}, {1, "ControlService"}, {2, "DeleteService"}, {3, "LockServiceDatabase"},
    {6, "QueryServiceStatus"}, {12, "CreateServiceW"}, {15, "OpenSCManagerW"}, {16, "OpenServiceW"},
    {17, "QueryServiceConfigW"}, {19, "StartServiceW"},
};

constexpr DcerpcInterface kInterfaces[] = {
    {"12345778-1234-abcd-ef00-0123456789ac", "SAMR", "samr", kSamr, "samr.opnum"},
    {"12345778-1234-abcd-ef00-0123456789ab", "LSARPC", "lsarpc", kLsarpc, "lsarpc.opnum", true},
    {"e1af8308-5d1f-11c9-91a4-08002b14a0fa", "EPMv4", "epm", kEpm, "epm.opnum", false, "EPM"},
    {"4b324fc8-1670-01d3-1278-5a47bf6ee188", "SRVSVC", "srvsvc", kSrvsvc, "srvsvc.opnum"},
    {"6bffd098-a112-3610-9833-46c3f87e345a", "WKSSVC", "wkssvc", kWkssvc, "wkssvc.opnum"},
    {"e3514235-4b06-11d1-ab04-00c04fc2dcd2", "DRSUAPI", "drsuapi", kDrsuapi, "drsuapi.opnum"},
    {"12345678-1234-abcd-ef00-01234567cffb", "RPC_NETLOGON", "rpc_netlogon"},
    {"367abb81-9844-35f1-ad32-98f038001003", "SVCCTL", "svcctl", kSvcctl, "svcctl.opnum"},
    {"338cd001-2244-31f1-aaaa-900038001003", "WINREG", "winreg"},
    {"12345678-1234-abcd-ef00-0123456789ab", "SPOOLSS", "spoolss"},
    {"f5cc5a18-4264-101a-8c59-08002b2f8426", "NSPI", "nspi"},
    {"a4f1db00-ca47-1067-b31f-00dd010662da", "MAPI", "mapi"},
    {"3919286a-b10c-11d0-9ba8-00c04fd92ef5", "DSSETUP", "dssetup", kDssetup, "dssetup.opnum"},
    {"1ff70682-0a51-30e8-076d-740be8cee98b", "ATSVC", "atsvc"},
    {"82273fdc-e32a-18c3-3f78-827929dc23ea", "EVENTLOG", "eventlog"},
    {"99fcfec4-5260-101b-bbcb-00aa0021347a", "IOXIDResolver", "oxid"},
    {"000001a0-0000-0000-c000-000000000046", "ISystemActivator", "isystemactivator"},
    {"00000131-0000-0000-c000-000000000046", "IRemUnknown", "remunk"},
    {"00000143-0000-0000-c000-000000000046", "IRemUnknown2", "remunk2"},
    {"4d9f4ab8-7d1c-11cf-861e-0020af6e7c57", "REMACT", "remact"},
    {"afa8bd80-7d8a-11c9-bef4-08002b102989", "MGMT", "mgmt"},
    {"4fc742e0-4a10-11cf-8273-00aa004ae673", "NETDFS", "netdfs"},
    {"6bffd098-a112-3610-9833-012892020162", "BROWSER", "rpc_browser"},
};


}  // namespace

const DcerpcInterface* findDcerpcInterface(std::string_view uuid)
{
    for (const DcerpcInterface& i : kInterfaces)
        if (i.uuid == uuid) return &i;
    return nullptr;
}
std::span<const DcerpcInterface> dcerpcInterfaces() { return kInterfaces; }

}  // namespace rcvmon
