// SPDX-License-Identifier: GPL-2.0-or-later
// AYIYA, "Anything In Anything" (draft-massar-v6ops-ayiya, SixXS's tunnel protocol) on UDP
// port 5072: a header with identity and signature sizes and an opcode; a Forward packet
// carries the protocol its Next Header names (packet-ayiya.c).
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

constexpr std::uint16_t kPort = 5072;
constexpr std::uint8_t kOpcodeForward = 1;

struct AyiyaFields {
    FieldId idlen, idtype, siglen, hashmethod, authmethod, opcode, nextheader;
} hf;

constexpr ValueName kIdTypes[] = {{0, "None"}, {1, "Integer"}, {2, "ASCII string"}};
constexpr ValueName kHashMethods[] = {{0, "No hash"}, {1, "MD5"}, {2, "SHA1"}};
constexpr ValueName kAuthMethods[] = {{0, "No authentication"}, {1, "Hash using a Shared Secret"},
                                      {2, "Hash using a public/private key method"}};
constexpr ValueName kOpcodes[] = {{0, "No Operation / Heartbeat"}, {1, "Forward"}, {2, "Echo Request"},
                                  {3, "Echo Request and Forward"}, {4, "Echo Response"}, {5, "MOTD"},
                                  {6, "Query Request"}, {7, "Query Response"}};

bool dissectAyiya(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "AYIYA", "ayiya", p.data, p.at, p.reported);
    ctx.setProtocol("AYIYA");
    const std::uint8_t b0 = c.u8(), b1 = c.u8(), b2 = c.u8();
    if (!c.ok()) return true;
    c.add(hf.idlen, 0, 1, b0 >> 4);
    c.add(hf.idtype, 0, 1, b0 & 0x0f);
    c.add(hf.siglen, 1, 1, b1 >> 4);
    c.add(hf.hashmethod, 1, 1, b1 & 0x0f);
    c.add(hf.authmethod, 2, 1, b2 >> 4);
    c.add(hf.opcode, 2, 1, b2 & 0x0f);
    const std::uint8_t next = c.u8(hf.nextheader);
    // The epoch, the identity (2^idlen bytes) and the signature (siglen 32-bit words).
    const std::size_t idlen = std::size_t{1} << (b0 >> 4);
    const std::size_t siglen = static_cast<std::size_t>(b1 >> 4) * 4;  // b1 >> 4 is an int: no braces (clang refuses the narrowing)
    c.skip(4 + idlen + siglen);
    if (!c.ok()) return true;
    if ((b2 & 0x0f) != kOpcodeForward) return true;
    const Payload inner = payloadAfter(c, c.reportedRemaining());
    if (!dissectIpProtocol(ctx, next, inner)) dissectData(ctx, inner);
    return true;
}

}  // namespace

void registerAyiya(ProtocolRegistrar& r)
{
    r.protocol("ayiya");
    hf.idlen = r.field({"ayiya.idlen", "Identity field length", FieldKind::Hex, 8});
    hf.idtype = r.field({"ayiya.idtype", "Identity field type", FieldKind::Hex, 8, kIdTypes});
    hf.siglen = r.field({"ayiya.siglen", "Signature Length", FieldKind::Hex, 8});
    hf.hashmethod = r.field({"ayiya.hashmethod", "Hash method", FieldKind::Hex, 8, kHashMethods});
    hf.authmethod = r.field({"ayiya.authmethod", "Authentication method", FieldKind::Hex, 8, kAuthMethods});
    hf.opcode = r.field({"ayiya.opcode", "Operation Code", FieldKind::Hex, 8, kOpcodes});
    hf.nextheader = r.field({"ayiya.nextheader", "Next Header", FieldKind::Hex, 8});
    r.udpPort(kPort, dissectAyiya);
}

}  // namespace rcvmon
