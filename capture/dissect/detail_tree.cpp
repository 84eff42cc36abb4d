// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/detail_tree.h"

#include <algorithm>

namespace rcvmon {

FieldId frameInterfaceNameField();  // protocols/frame_interface.cpp
FieldId frameCommentField();        // protocols/frame_comment.cpp
FieldId frameCommentExpertField();  // protocols/frame_comment.cpp

namespace {

std::uint32_t clampLength(std::uint32_t offset, std::uint32_t length, std::size_t frameBytes)
{
    const auto size = static_cast<std::uint32_t>(frameBytes);
    return offset >= size ? 0 : std::min(length, size - offset);
}

// As Wireshark 4.0: a "Packet comments" tree above the frame, each comment with its
// Expert Info (Comment/Comment) item beneath it.
void addCommentLines(const Dissection& dissection, std::vector<DetailLine>& lines)
{
    const FieldId id = frameCommentField();
    int top = -1;
    for (const FieldRecord& field : dissection.fields()) {
        if (field.id != id) continue;
        if (top < 0) {
            top = static_cast<int>(lines.size());
            lines.push_back({-1, "Packet comments", "frame.comment"});
        }
        std::string text;
        dissection.appendValue(field, text);
        const int comment = static_cast<int>(lines.size());
        lines.push_back({top, text, "frame.comment"});
        const int expert = static_cast<int>(lines.size());
        lines.push_back({comment, "[Expert Info (Comment/Comment): " + text + "]", "frame.comment.expert"});
        lines.push_back({expert, "[" + text + "]", "frame.comment.expert"});
        lines.push_back({expert, "[Severity level: Comment]", "_ws.expert.severity"});
        lines.push_back({expert, "[Group: Comment]", "_ws.expert.group"});
    }
}

// Wireshark's bit-field prefix: the field's bits in its container, the others as dots, in groups
// of four ("10.. .... = Version: …").
void appendBitPattern(std::string& out, const FieldInfo& info, std::uint64_t value)
{
    const unsigned width = info.bits == 0 || info.bits > 64 ? 8 : info.bits;
    unsigned shift = 0;
    while (shift < 64 && ((info.bitmask >> shift) & 1) == 0) ++shift;
    const std::uint64_t raw = shift < 64 ? value << shift : 0;
    for (unsigned bit = width; bit-- > 0;) {
        const std::uint64_t one = std::uint64_t{1} << bit;
        out += (info.bitmask & one) == 0 ? '.' : (raw & one) != 0 ? '1' : '0';
        if (bit != 0 && bit % 4 == 0) out += ' ';
    }
    out += " = ";
}

}  // namespace

std::string frameTitle(std::uint64_t number, std::uint64_t wireLength, std::uint64_t capturedLength)
{
    std::string title = "Frame " + std::to_string(number) + ": ";
    title += std::to_string(wireLength) + " bytes on wire (" + std::to_string(wireLength * 8) + " bits), ";
    title += std::to_string(capturedLength) + " bytes captured (" + std::to_string(capturedLength * 8) + " bits)";
    return title;
}

std::string detailText(const Dissection& dissection, const FieldRecord& field)
{
    const FieldInfo& info = fieldInfo(field.id);
    std::string text;
    if (info.bitmask != 0) appendBitPattern(text, info, field.number);
    text += info.label;
    text += ": ";
    // A number named by the capture itself (addNamedNumber) before the table's name.
    const bool named = info.kind == FieldKind::Unsigned && field.valueLength != 0;
    const std::string_view name = named ? dissection.valueText(field) : valueName(info, field.number);
    if (info.kind == FieldKind::Bool) {
        // FT_BOOLEAN shows its true/false string alone.
        text += !name.empty() ? name : field.number != 0 ? std::string_view("True") : std::string_view("False");
        return text;
    }
    if (name.empty()) {
        // Bytes as bare hex, as tshark -V writes them ("Payload: d5d5"), like -T fields.
        dissection.appendFieldValue(field, text);
        return text;
    }
    text += name;
    text += " (";
    dissection.appendValue(field, text);
    text += ')';
    return text;
}

std::string_view directionText(Direction direction)
{
    switch (direction) {
    case Direction::Incoming: return "in";
    case Direction::Outgoing: return "out";
    case Direction::OtherHost: return "other-host";
    case Direction::Unknown: break;
    }
    return {};
}

std::vector<DetailLine> buildDetailTree(const Dissection& dissection, const FrameRef& frame)
{
    const std::size_t frameBytes = frame.data.size();
    std::vector<DetailLine> lines;
    std::vector<int> layerLine;
    addCommentLines(dissection, lines);
    const int frameLine = static_cast<int>(lines.size());
    const auto layers = dissection.layers();
    for (const LayerRecord& layer : layers) {
        DetailLine line;
        if (layer.filterName == "frame") {
            const FieldRecord* wire = dissection.first(field::FrameLen);
            const FieldRecord* captured = dissection.first(field::FrameCapLen);
            line.text = frameTitle(dissection.frameNumber(), wire ? wire->number : 0, captured ? captured->number : 0);
        } else {
            line.text = std::string(layer.name);
        }
        line.name = std::string(layer.filterName);
        if (layer.status == ParseStatus::Truncated) line.text += " [truncated]";
        if (layer.status == ParseStatus::Malformed) line.text += " [malformed]";
        if (layer.reassembled) line.text += " [reassembled]";
        line.problem = layer.status != ParseStatus::Ok;
        // Reassembled layers point into a datagram the hex pane does not show.
        if (!layer.reassembled) {
            line.offset = layer.offset;
            line.length = clampLength(layer.offset, layer.length, frameBytes);
        }
        layerLine.push_back(static_cast<int>(lines.size()));
        lines.push_back(std::move(line));
    }
    // As Wireshark: "Interface id: 0 (eth0)" with "Interface name: eth0" beneath it.
    const FieldRecord* interfaceName = dissection.first(frameInterfaceNameField());
    int interfaceIdLine = -1;
    for (const FieldRecord& field : dissection.fields()) {
        // Comments and their expert items are in the "Packet comments" tree above.
        if (field.layer >= layerLine.size() || field.id == frameCommentField() || field.id == frameCommentExpertField())
            continue;
        DetailLine line;
        line.parent = layerLine[field.layer];
        line.text = detailText(dissection, field);
        if (interfaceName && field.id == field::FrameInterfaceId) {
            interfaceIdLine = static_cast<int>(lines.size());
            line.text += " (";
            dissection.appendValue(*interfaceName, line.text);
            line.text += ')';
        } else if (&field == interfaceName && interfaceIdLine >= 0) {
            line.parent = interfaceIdLine;
        }
        line.name = std::string(fieldInfo(field.id).name);
        if (!layers[field.layer].reassembled && field.offset < frameBytes) {
            line.offset = field.offset;
            line.length = clampLength(field.offset, field.length, frameBytes);
        }
        lines.push_back(std::move(line));
    }
    const std::string_view direction = directionText(frame.direction);
    if (!direction.empty() && !layers.empty()) lines.push_back({frameLine, "Direction: " + std::string(direction), "rcvmon.direction"});
    return lines;
}

}  // namespace rcvmon
