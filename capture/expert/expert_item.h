// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rcvmon {

// Wireshark's expert severities (epan/proto.h PI_*), least severe first so they compare.
enum class ExpertSeverity : std::uint8_t { Comment, Chat, Note, Warning, Error };
// Wireshark's expert groups (PI_CHECKSUM … PI_DEPRECATED), in its order.
enum class ExpertGroup : std::uint8_t {
    Checksum, Sequence, ResponseCode, RequestCode, Undecoded, Reassemble, Malformed, Debug,
    Protocol, Security, Comment, Decryption, Assumption, Deprecated,
};

// One expert event of one frame.
struct ExpertItem {
    ExpertSeverity severity = ExpertSeverity::Note;
    ExpertGroup group = ExpertGroup::Sequence;
    std::string_view protocol;  // Wireshark's short name ("TCP", "IPv4"); static text
    std::string summary;
    // tshark reports it too. False for RcvMon's own notes: a frame cut by the snap length
    // (Wireshark deliberately records no expert item for it) and an impossible header value
    // whose protocol-specific wording RcvMon does not keep.
    bool wireshark = true;
};

// "Error", "Warning", "Note", "Chat", "Comment" (Wireshark's Expert Info dialog).
std::string_view expertSeverityName(ExpertSeverity severity);
// "Errors", "Warns", "Notes", "Chats", "Comments" (tshark -z expert's headings).
std::string_view expertSeverityHeading(ExpertSeverity severity);
// Wireshark's expert_group_vals: "Checksum", "Sequence", "Response code", "Malformed", …
std::string_view expertGroupName(ExpertGroup group);

}  // namespace rcvmon
