// SPDX-License-Identifier: GPL-2.0-or-later
// QUIC Initial packet protection (RFC 9001 §5; RFC 9369 §3.3 for QUIC v2): keys derived from
// the client's first Destination Connection ID and the version's salt, header protection with
// AES-ECB, payload with AES-128-GCM. Needs OpenSSL's libcrypto; without it (the Windows cross
// build) quicInitialSupported() is false and no Initial is decrypted.
#pragma once

#include "core/bytes.h"

#include <array>
#include <cstdint>
#include <vector>

namespace rcvmon {

struct QuicInitialKeys {
    std::array<std::uint8_t, 16> key{}, hp{};
    std::array<std::uint8_t, 12> iv{};
};

bool quicInitialSupported();
// False for a version whose Initial salt is not known.
bool quicInitialKeys(std::uint32_t version, ByteSpan dcid, bool server, QuicInitialKeys& out);
// Removes header protection from a long-header packet whose packet number starts at pnOffset:
// the unprotected first byte, the packet number and its length. False when the sample is cut.
bool quicUnprotectHeader(const QuicInitialKeys& keys, ByteSpan packet, std::size_t pnOffset, std::uint8_t& firstByte,
                         std::uint32_t& packetNumber, std::size_t& pnLength);
// Decrypts the payload after the packet number into `plain` (AAD: the unprotected header).
bool quicDecryptPayload(const QuicInitialKeys& keys, ByteSpan header, std::uint64_t packetNumber, ByteSpan payload,
                        std::vector<std::uint8_t>& plain);

}  // namespace rcvmon
