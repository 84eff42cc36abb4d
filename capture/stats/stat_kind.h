// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace rcvmon {

// The address layers conversations and endpoints are counted for, as Wireshark's tables.
enum class StatKind : std::uint8_t { Ethernet, Ipv4, Ipv6, Tcp, Udp };

inline constexpr std::size_t kStatKindCount = 5;
inline constexpr std::array<StatKind, kStatKindCount> kAllStatKinds{StatKind::Ethernet, StatKind::Ipv4,
                                                                  StatKind::Ipv6, StatKind::Tcp, StatKind::Udp};

inline constexpr std::size_t statKindIndex(StatKind kind) { return static_cast<std::size_t>(kind); }

// Transport tables key on ports as well as addresses.
inline constexpr bool statKindHasPorts(StatKind kind) { return kind == StatKind::Tcp || kind == StatKind::Udp; }

// Wireshark's table title ("IPv4 Conversations") and tshark's -z name ("conv,ip").
std::string_view statKindTitle(StatKind kind);
std::string_view statKindFilterName(StatKind kind);
std::optional<StatKind> statKindFromFilterName(std::string_view name);

}  // namespace rcvmon
