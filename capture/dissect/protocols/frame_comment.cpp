// SPDX-License-Identifier: GPL-2.0-or-later
// frame.comment: a packet's comments (pcapng opt_comment, or added by the user), as Wireshark
// 4.0's frame dissector shows them in a "Packet comments" tree above the frame, one field per
// comment, each followed by its expert item frame.comment.expert (Comment group, Comment
// severity: a label, FT_NONE, as tshark has it). The Dissector adds them at the start of each
// frame (Dissector::setFrameComments).
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {
FieldId g_comment = 0;
FieldId g_commentExpert = 0;
}

FieldId frameCommentField()
{
    return g_comment;
}

FieldId frameCommentExpertField()
{
    return g_commentExpert;
}

void registerFrameComment(ProtocolRegistrar& r)
{
    // A field of the frame, not a protocol of its own: no protocol() call.
    g_comment = r.field({"frame.comment", "Comment", FieldKind::String});
    g_commentExpert = r.field({"frame.comment.expert", "Formatted comment", FieldKind::None, 0});
}

}  // namespace rcvmon
