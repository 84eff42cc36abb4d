// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/ssh_target.h"

#include <charconv>

namespace rcvmon {
namespace {

constexpr std::string_view kScheme = "ssh://";

bool validName(std::string_view text)
{
    if (text.empty()) return false;
    for (const char c : text)
        if (c <= ' ' || c == '/' || c == '\'' || c == '"' || c == '\\' || c == '`' || c == '$' || c == ';' || c == '&' ||
            c == '|')
            return false;
    return text.front() != '-';  // never taken by ssh as an option
}

}  // namespace

bool isSshUrl(std::string_view text)
{
    return text.substr(0, kScheme.size()) == kScheme;
}

std::optional<SshTarget> parseSshTarget(std::string_view text, std::string& error)
{
    const std::string given(text);
    auto fail = [&](const std::string& why) {
        error = "\"" + given + "\" is not a remote interface: " + why + " (write ssh://[user@]host[:port]/interface)";
        return std::nullopt;
    };
    if (!isSshUrl(text)) return fail("it does not start with ssh://");
    std::string_view rest = text.substr(kScheme.size());
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return fail("the interface after the host is missing");
    std::string_view authority = rest.substr(0, slash);
    SshTarget target;
    target.interfaceName = std::string(rest.substr(slash + 1));
    if (!validName(target.interfaceName)) return fail("the interface name is missing or has characters names never have");
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
        target.user = std::string(authority.substr(0, at));
        if (!validName(target.user) || target.user.find('@') != std::string::npos || target.user.find(':') != std::string::npos)
            return fail("the user name is not valid");
        authority = authority.substr(at + 1);
    }
    std::string_view portText;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) return fail("the [IPv6 address] is not closed");
        target.host = std::string(authority.substr(1, close - 1));
        std::string_view after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') return fail("only :port may follow the host");
            portText = after.substr(1);
        }
    } else {
        const std::size_t colon = authority.find(':');
        target.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) portText = authority.substr(colon + 1);
    }
    if (!validName(target.host)) return fail("the host is missing or not valid");
    if (!portText.empty() || authority.back() == ':') {
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), value);
        if (ec != std::errc{} || end != portText.data() + portText.size() || value == 0 || value > 65535)
            return fail("the port must be a number from 1 to 65535");
        target.port = static_cast<std::uint16_t>(value);
    }
    error.clear();
    return target;
}

}  // namespace rcvmon
