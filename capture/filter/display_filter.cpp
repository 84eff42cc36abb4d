// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter/display_filter.h"

#include "dissect/dissection.h"
#include "filter/filter_parser.h"

#include <string>

namespace rcvmon {
namespace {

// Field values and protocols as a full dissection recorded them.
class DissectionSource {
public:
    DissectionSource(const Dissection& d, ByteSpan frame) : m_d(d), m_frame(frame) {}

    template <typename Visit>
    bool visit(const FieldRef& f, Visit&& each) const
    {
        if (!f.protocol.empty()) {
            for (const LayerRecord& l : m_d.layers())
                if (l.filterName == f.protocol && l.inTree) each(FieldValue{0, 0, layerBytes(l)});
            return true;
        }
        if (f.ids[0] == field::FrameProtocols) {
            // Text built on demand; the buffer keeps its capacity, so steady state allocates nothing.
            thread_local std::string protocols;
            protocols.clear();
            m_d.appendFieldText(field::FrameProtocols, protocols);
            each(FieldValue{0, 0, ByteSpan(reinterpret_cast<const std::uint8_t*>(protocols.data()), protocols.size())});
            return true;
        }
        for (const FieldRecord& r : m_d.fields())
            if (f.matches(r.id)) each(FieldValue{r.number, r.aux, m_d.valueBytes(r)});
        return true;
    }

    FilterVerdict protocol(const FilterNode&, std::string_view name) const
    {
        for (const LayerRecord& l : m_d.layers())
            if (l.filterName == name && l.inTree) return FilterVerdict::Pass;
        return FilterVerdict::Fail;
    }

    // contains / matches on a protocol: any of its layers' bytes.
    template <typename Test>
    FilterVerdict protocolBytes(std::string_view name, Test&& test) const
    {
        for (const LayerRecord& l : m_d.layers()) {
            if (l.filterName != name || !l.inTree) continue;
            if (test(layerBytes(l))) return FilterVerdict::Pass;
        }
        return FilterVerdict::Fail;
    }

private:
    // The layer's own bytes; a layer inside a reassembled datagram has none in the frame.
    ByteSpan layerBytes(const LayerRecord& l) const
    {
        if (l.filterName == "frame") return m_frame;
        if (l.reassembled || l.offset > m_frame.size()) return {};
        return m_frame.subspan(l.offset, std::min<std::size_t>(l.length, m_frame.size() - l.offset));
    }

    const Dissection& m_d;
    ByteSpan m_frame;
};

// Field values from the quick header pass; "unknown" for whatever it cannot vouch for.
class QuickSource {
public:
    explicit QuickSource(const QuickPacket& q) : m_q(q) {}

    template <typename Visit>
    bool visit(const FieldRef& f, Visit&& each) const
    {
        if (!f.protocol.empty()) return false;  // protocol bytes: the dissection knows them
        if (f.quick == QuickReach::Never || (f.quick == QuickReach::SimpleOnly && !m_q.simple)) return false;
        FieldValue values[3];
        for (std::uint8_t i = 0; i < f.count; ++i) {
            const int n = quickFieldValues(m_q, f.ids[i], values);
            for (int k = 0; k < n; ++k) each(values[k]);
        }
        return true;
    }

    FilterVerdict protocol(const FilterNode& n, std::string_view) const
    {
        if (n.protocolQuick == QuickReach::Always) return FilterVerdict::Pass;  // "frame"
        if (n.protocolQuick == QuickReach::Never || !m_q.simple) return FilterVerdict::Unknown;
        return (m_q.protocols & n.protocolBit) ? FilterVerdict::Pass : FilterVerdict::Fail;
    }

    template <typename Test>
    FilterVerdict protocolBytes(std::string_view name, Test&& test) const
    {
        if (name != "frame" || !m_q.frame) return FilterVerdict::Unknown;
        ByteSpan bytes = m_q.frame->data;
        if (bytes.size() > m_q.frame->capturedLength) bytes = bytes.first(m_q.frame->capturedLength);
        return test(bytes) ? FilterVerdict::Pass : FilterVerdict::Fail;
    }

private:
    const QuickPacket& m_q;
};

// How far the quick pass reaches for one operand; true when it needs a dissection.
bool annotateQuickReach(FieldRef& f)
{
    bool always = f.protocol.empty(), quick = f.protocol.empty();  // protocol bytes: dissection only
    for (std::uint8_t i = 0; i < f.count; ++i) {
        always = always && quickKnowsFieldAlways(f.ids[i]);
        quick = quick && quickKnowsField(f.ids[i]);
    }
    f.quick = always ? QuickReach::Always : quick ? QuickReach::SimpleOnly : QuickReach::Never;
    return !quick;
}

// Marks how far the quick pass reaches for each test; true when some test needs a dissection.
bool annotateQuickReach(FilterProgram& p, FilterNode& n)
{
    switch (n.op) {
    case NodeOp::MatchAll:
    case NodeOp::And:
    case NodeOp::Or:
    case NodeOp::Not: return false;
    case NodeOp::Protocol: {
        const std::string_view name = p.poolText(n.nameOffset, n.nameLength);
        if (name == "frame") n.protocolQuick = QuickReach::Always;
        else if (quickKnowsProtocol(name, n.protocolBit)) n.protocolQuick = QuickReach::SimpleOnly;
        return n.protocolQuick == QuickReach::Never;
    }
    case NodeOp::ProtocolContains:
    case NodeOp::ProtocolMatches: return p.poolText(n.nameOffset, n.nameLength) != "frame";
    case NodeOp::CompareFields: {
        const bool left = annotateQuickReach(n.field);
        const bool right = annotateQuickReach(n.other);
        return left || right;
    }
    default: return annotateQuickReach(n.field);
    }
    return true;
}

}  // namespace

std::optional<DisplayFilter> DisplayFilter::compile(std::string_view text, FilterError& error)
{
    DisplayFilter filter;
    if (!parseFilter(text, filter.m_program, error)) return std::nullopt;
    filter.m_text = std::string(text);
    for (FilterNode& n : filter.m_program.nodes) {
        if (annotateQuickReach(filter.m_program, n)) filter.m_needsDissection = true;
        bool metadataOnly = n.field.quick == QuickReach::Always;  // a test of frame.* fields
        if (n.op == NodeOp::CompareFields) metadataOnly = metadataOnly && n.other.quick == QuickReach::Always;
        switch (n.op) {
        case NodeOp::MatchAll:
        case NodeOp::And:
        case NodeOp::Or:
        case NodeOp::Not: metadataOnly = true; break;
        case NodeOp::Protocol: metadataOnly = n.protocolQuick == QuickReach::Always; break;
        case NodeOp::ProtocolContains:
        case NodeOp::ProtocolMatches: metadataOnly = false; break;
        default: break;
        }
        if (!metadataOnly) filter.m_needsBytes = true;
    }
    return filter;
}

bool DisplayFilter::matchesEverything() const
{
    return m_program.nodes.size() == 1 && m_program.nodes[0].op == NodeOp::MatchAll;
}

bool DisplayFilter::matches(const Dissection& dissection, ByteSpan frameBytes) const
{
    return filter_eval::evaluate(m_program, m_program.root, DissectionSource(dissection, frameBytes)) ==
           FilterVerdict::Pass;
}

FilterVerdict DisplayFilter::matchesQuick(const QuickPacket& packet) const
{
    return filter_eval::evaluate(m_program, m_program.root, QuickSource(packet));
}

}  // namespace rcvmon
