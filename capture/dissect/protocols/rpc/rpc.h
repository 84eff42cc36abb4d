// SPDX-License-Identifier: GPL-2.0-or-later
// ONC-RPC (RFC 5531) inside the dissectors: what a message's header told, for the programs
// it carries (Portmap, NFS, MOUNT), and the table of programs Wireshark knows by number.
#pragma once

#include "dissect/protocols/context.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace rcvmon::rpc {

// One call or reply, as the program dissectors need it: a reply knows its call's program,
// version and procedure from the call it was matched with.
struct Message {
    std::uint32_t program = 0, version = 0, procedure = 0;
    bool reply = false;
    // A word the call leaves for its reply (NFS ACCESS's requested mask); null when untracked.
    std::uint32_t* saved = nullptr;
};

// Dissects a procedure's arguments (call) or results (reply) into the program's own layer;
// returns the bytes it read (RPC shows the rest as data), kWholeBody when it cannot tell.
inline constexpr std::size_t kWholeBody = ~std::size_t{0};
using ProgramDissector = std::size_t (*)(DissectContext& ctx, const Payload& body, const Message& m);

struct Program {
    std::uint32_t number;
    std::string_view name;    // the Protocol column (Wireshark's short name)
    std::string_view filter;  // the program layer's filter name; empty: RPC names it only
    // Procedure names by version; a procedure not listed is "proc-N" and its body is not dissected.
    std::span<const std::span<const std::string_view>> versions;
    ProgramDissector dissect = nullptr;
    InfoWriter info = nullptr;  // what the program adds to RPC's Info text, from its layer
};

// The program with this number, or null (Wireshark then does not take the message as RPC).
const Program* findProgram(std::uint32_t number);
// Every program, for the protocol names their layers register.
std::span<const Program> allPrograms();
// The procedure's name, or empty when the program does not define it in that version.
std::string_view procedureName(const Program& program, std::uint32_t version, std::uint32_t procedure);

// The message a program's layer belongs to, from the RPC layer just before it (Info writers).
Message messageOf(const LayerView& programLayer);

// The programs' own dissectors (portmap.cpp, nfs.cpp, mount.cpp).
std::size_t dissectPortmap(DissectContext& ctx, const Payload& body, const Message& m);
void writePortmapInfo(const LayerView& layer, std::string& out);
std::size_t dissectNfs(DissectContext& ctx, const Payload& body, const Message& m);
void writeNfsInfo(const LayerView& layer, std::string& out);
std::size_t dissectMount(DissectContext& ctx, const Payload& body, const Message& m);
void writeMountInfo(const LayerView& layer, std::string& out);

// ---- XDR (RFC 4506) through the checked cursor ----

// A 4-byte-aligned opaque or string: its length word, then the bytes and their padding.
// Records `id` (a String or Bytes field) over the bytes; empty on failure or when over `max`.
ByteSpan xdrOpaque(LayerCursor& c, FieldId id, std::size_t max = 1u << 20);
// The same for a string, recorded as text (bytes outside printable ASCII as Wireshark escapes them).
std::string_view xdrString(LayerCursor& c, FieldId id, std::size_t max = 1u << 20);
// A 64-bit unsigned XDR hyper.
std::uint64_t xdrHyper(LayerCursor& c, FieldId id = LayerCursor::kNone);

// Standard CRC-32 (IEEE 802.3), Wireshark's file handle hash.
std::uint32_t crc32(ByteSpan bytes);

}  // namespace rcvmon::rpc
