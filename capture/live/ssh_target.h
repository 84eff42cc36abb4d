// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rcvmon {

// A remote interface named as ssh://[user@]host[:port]/interface (host may be [IPv6]).
struct SshTarget {
    std::string user;                   // empty: ssh's configured or current user
    std::string host;                   // as given, without brackets
    std::optional<std::uint16_t> port;  // empty: ssh's configured port
    std::string interfaceName;

    // "host:interface": the name its frames carry (pcapng if_name, the Interface column).
    std::string displayName() const { return host + ":" + interfaceName; }
    // "[user@]host" for ssh's command line.
    std::string destination() const { return user.empty() ? host : user + "@" + host; }
};

bool isSshUrl(std::string_view text);
// Parses an ssh:// interface; on failure error says what is wrong with it.
std::optional<SshTarget> parseSshTarget(std::string_view text, std::string& error);

}  // namespace rcvmon
