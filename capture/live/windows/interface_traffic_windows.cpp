// SPDX-License-Identifier: GPL-2.0-or-later
// Windows: GetIfTable2 gives every interface's MIB_IF_ROW2 (GetIfEntry2 for all at once),
// named by its friendly name as windows_interfaces.cpp lists it.
#include "live/interface_traffic.h"

#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>

namespace rcvmon {
namespace {
std::string toUtf8(const wchar_t* text)
{
    if (!text || !*text) return {};
    const int size = WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
    if (size <= 1) return {};
    std::string out(static_cast<std::size_t>(size), '\0');
    WideCharToMultiByte(CP_UTF8, 0, text, -1, out.data(), size, nullptr, nullptr);
    out.resize(static_cast<std::size_t>(size - 1));
    return out;
}
}  // namespace

std::vector<InterfaceTraffic> readInterfaceTraffic(std::string& error)
{
    MIB_IF_TABLE2* table = nullptr;
    const DWORD status = GetIfTable2(&table);
    if (status != NO_ERROR || !table) {
        error = "GetIfTable2 failed with error " + std::to_string(status);
        return {};
    }
    std::vector<InterfaceTraffic> out;
    for (ULONG i = 0; i < table->NumEntries; ++i) {
        const MIB_IF_ROW2& row = table->Table[i];
        if (row.InterfaceAndOperStatusFlags.FilterInterface) continue;  // NDIS filter layers repeat the adapter
        out.push_back({toUtf8(row.Alias), row.InOctets, row.OutOctets, row.InUcastPkts + row.InNUcastPkts,
                       row.OutUcastPkts + row.OutNUcastPkts});
    }
    FreeMibTable(table);
    return out;
}

}  // namespace rcvmon
