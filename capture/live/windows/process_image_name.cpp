// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/process_image_name.h"

#include <windows.h>

#include <iterator>

namespace rcvmon {
namespace {

std::string toUtf8(std::wstring_view text)
{
    if (text.empty()) return {};
    const int wide = static_cast<int>(text.size());
    const int size = WideCharToMultiByte(CP_UTF8, 0, text.data(), wide, nullptr, 0, nullptr, nullptr);
    if (size <= 0) return {};
    std::string out(static_cast<std::size_t>(size), '\0');
    WideCharToMultiByte(CP_UTF8, 0, text.data(), wide, out.data(), size, nullptr, nullptr);
    return out;
}

}  // namespace

std::string imageFileName(std::wstring_view path)
{
    const std::size_t separator = path.find_last_of(L"\\/");
    return toUtf8(separator == std::wstring_view::npos ? path : path.substr(separator + 1));
}

ProcessImageName queryProcessImageName(std::uint32_t pid)
{
    using Result = ProcessImageName::Result;
    if (pid == 4) return {Result::Named, "System"};
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
    if (process == nullptr) {
        // ERROR_INVALID_PARAMETER is Windows' answer for a PID that no process has.
        return {GetLastError() == ERROR_INVALID_PARAMETER ? Result::Gone : Result::Unreadable, {}};
    }
    wchar_t path[MAX_PATH * 4];
    DWORD length = static_cast<DWORD>(std::size(path));
    const BOOL ok = QueryFullProcessImageNameW(process, 0, path, &length);
    DWORD exitCode = 0;
    const bool running = GetExitCodeProcess(process, &exitCode) && exitCode == STILL_ACTIVE;
    CloseHandle(process);
    if (!running) return {Result::Gone, {}};
    std::string name = ok ? imageFileName(std::wstring_view(path, length)) : std::string();
    if (name.empty()) return {Result::Unreadable, {}};
    return {Result::Named, std::move(name)};
}

}  // namespace rcvmon
