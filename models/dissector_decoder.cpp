// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissector_decoder.h"

#if __has_include("dissect/dissector.h")
#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#define RCVMON_HAVE_DISSECTOR 1
#endif

#include <algorithm>

namespace rcvmon {

#ifdef RCVMON_HAVE_DISSECTOR
namespace {

class DissectorDecoder final : public PacketDecoder {
public:
    DissectorDecoder() : m_dissector(Dissector::Options{false}) {}

    // Rows are dissected one at a time in whatever order a view asks for them, so no state
    // carries from one packet to the next: each is dissected as if it came first.
    void dissect(const FrameRef& frame, std::uint64_t number)
    {
        m_dissector.reset();
        m_dissector.dissect(frame, number, m_dissection);
    }

    SummaryText summarize(const FrameRef& frame, std::uint64_t number) override
    {
        dissect(frame, number);
        PacketSummary s = m_dissection.summary();
        return {std::move(s.source), std::move(s.destination), std::move(s.protocol), std::move(s.info)};
    }

    std::vector<DetailNode> detail(const FrameRef& frame, std::uint64_t number) override
    {
        dissect(frame, number);
        std::vector<DetailNode> nodes;
        std::vector<int> layerNode;
        for (const LayerRecord& layer : m_dissection.layers()) {
            DetailNode node;
            node.text = std::string(layer.name);
            node.name = std::string(layer.filterName);
            if (layer.status == ParseStatus::Truncated) node.text += " [truncated]";
            if (layer.status == ParseStatus::Malformed) node.text += " [malformed]";
            if (layer.reassembled) node.text += " [reassembled]";
            node.problem = layer.status != ParseStatus::Ok;
            // Reassembled layers point into a datagram the hex pane does not show.
            if (!layer.reassembled) {
                node.offset = layer.offset;
                node.length = std::min<std::uint32_t>(layer.length, static_cast<std::uint32_t>(frame.data.size()) -
                                                                        std::min<std::uint32_t>(layer.offset, static_cast<std::uint32_t>(frame.data.size())));
            }
            layerNode.push_back(static_cast<int>(nodes.size()));
            nodes.push_back(std::move(node));
        }
        for (const FieldRecord& field : m_dissection.fields()) {
            if (field.layer >= layerNode.size()) continue;
            const FieldInfo& info = fieldInfo(field.id);
            DetailNode node;
            node.parent = layerNode[field.layer];
            node.text = std::string(info.label) + ": " + m_dissection.formatValue(field);
            node.name = std::string(info.name);
            if (!m_dissection.layers()[field.layer].reassembled && field.offset < frame.data.size()) {
                node.offset = field.offset;
                node.length = std::min<std::uint32_t>(field.length, static_cast<std::uint32_t>(frame.data.size()) - field.offset);
            }
            nodes.push_back(std::move(node));
        }
        return nodes;
    }

private:
    Dissector m_dissector;
    Dissection m_dissection;
};

}  // namespace

std::unique_ptr<PacketDecoder> makeDissectorDecoder()
{
    return std::make_unique<DissectorDecoder>();
}
#else
// Until the dissector lands the table shows numbers, times and lengths only.
std::unique_ptr<PacketDecoder> makeDissectorDecoder()
{
    return nullptr;
}
#endif

}  // namespace rcvmon
