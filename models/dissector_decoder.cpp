// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissector_decoder.h"

#if __has_include("dissect/dissector.h")
#include "dissect/detail_tree.h"
#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "names/name_resolver.h"
#include "names/port_names_scope.h"
#include "frame_replay.h"
#define RCVMON_HAVE_DISSECTOR 1
#endif

#include <algorithm>

namespace rcvmon {

#ifdef RCVMON_HAVE_DISSECTOR
namespace {

class DissectorDecoder final : public PacketDecoder {
public:
    explicit DissectorDecoder(const names::NameResolver* names) : m_dissector(Dissector::Options{false}), m_names(names) {}

    // Rows are dissected in whatever order a view asks for them. With a replay, each frame is
    // dissected with its stream's state, as `rcvmon-cli` does in file order; until the in-order
    // pass has reached it (or without one), alone, as if it came first. `frame` may be read
    // again by the replay: the bytes to use afterwards are m_frame.
    void dissect(const FrameRef& frame, std::uint64_t number)
    {
        if (m_replay && m_replay->dissect(number, m_dissection, m_frame)) return;
        m_frame = frame;
        m_dissector.reset();
        m_dissector.dissect(frame, number, m_dissection);
    }

    SummaryText summarize(const FrameRef& frame, std::uint64_t number) override
    {
        dissect(frame, number);
        // Names only for the rows a view asks for: resolution costs nothing for the others.
        const names::PortNamesScope ports(m_names ? m_names->infoPortNames() : nullptr, m_names ? &m_names->usedPorts() : nullptr);
        PacketSummary s = m_dissection.summary();
        if (m_names) m_names->resolveColumns(m_dissection, s);
        return {std::move(s.source), std::move(s.destination), std::move(s.protocol), std::move(s.info)};
    }

    std::vector<DetailNode> detail(const FrameRef& frame, std::uint64_t number) override
    {
        dissect(frame, number);
        return buildDetailTree(m_dissection, m_frame);
    }

    void setInterfaceNames(std::function<std::string_view(std::uint32_t)> names) override
    {
        if (m_replay) m_replay->setInterfaceNames(names);
        m_interfaceNames = names;
        m_dissector.setInterfaceNames(std::move(names));
    }

    void setFrameComments(std::function<void(std::uint64_t, std::vector<std::string_view>&)> comments) override
    {
        if (m_replay) m_replay->setFrameComments(comments);
        m_frameComments = comments;
        m_dissector.setFrameComments(std::move(comments));
    }

    FrameReplay* replay() const override { return m_replay; }

    void setReplay(FrameReplay* replay) override
    {
        m_replay = replay;
        if (!m_replay) return;
        if (m_interfaceNames) m_replay->setInterfaceNames(m_interfaceNames);
        if (m_frameComments) m_replay->setFrameComments(m_frameComments);
    }

private:
    Dissector m_dissector;
    Dissection m_dissection;
    FrameRef m_frame;  // the bytes m_dissection was made from
    const names::NameResolver* m_names;
    FrameReplay* m_replay = nullptr;
    Dissector::InterfaceNames m_interfaceNames;  // handed on to a replay set later
    Dissector::FrameComments m_frameComments;
};

}  // namespace

std::unique_ptr<PacketDecoder> makeDissectorDecoder(const names::NameResolver* names)
{
    return std::make_unique<DissectorDecoder>(names);
}
#else
// Until the dissector lands the table shows numbers, times and lengths only.
std::unique_ptr<PacketDecoder> makeDissectorDecoder(const names::NameResolver*)
{
    return nullptr;
}
#endif

}  // namespace rcvmon
