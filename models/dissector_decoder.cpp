// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissector_decoder.h"

#if __has_include("dissect/dissector.h")
#include "dissect/detail_tree.h"
#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "names/name_resolver.h"
#include "names/port_names_scope.h"
#define RCVMON_HAVE_DISSECTOR 1
#endif

#include <algorithm>

namespace rcvmon {

#ifdef RCVMON_HAVE_DISSECTOR
namespace {

class DissectorDecoder final : public PacketDecoder {
public:
    explicit DissectorDecoder(const names::NameResolver* names) : m_dissector(Dissector::Options{false}), m_names(names) {}

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
        // Names only for the rows a view asks for: resolution costs nothing for the others.
        const names::PortNamesScope ports(m_names ? m_names->infoPortNames() : nullptr, m_names ? &m_names->usedPorts() : nullptr);
        PacketSummary s = m_dissection.summary();
        if (m_names) m_names->resolveColumns(m_dissection, s);
        return {std::move(s.source), std::move(s.destination), std::move(s.protocol), std::move(s.info)};
    }

    std::vector<DetailNode> detail(const FrameRef& frame, std::uint64_t number) override
    {
        dissect(frame, number);
        return buildDetailTree(m_dissection, frame);
    }

    void setInterfaceNames(std::function<std::string_view(std::uint32_t)> names) override
    {
        m_dissector.setInterfaceNames(std::move(names));
    }

    void setFrameComments(std::function<void(std::uint64_t, std::vector<std::string_view>&)> comments) override
    {
        m_dissector.setFrameComments(std::move(comments));
    }

private:
    Dissector m_dissector;
    Dissection m_dissection;
    const names::NameResolver* m_names;
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
