// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "filter/display_filter.h"
#include "filter/packet_matcher.h"
#include "store_pass.h"

#include <QElapsedTimer>

#include <memory>
#include <optional>
#include <vector>

namespace rcvmon {

class PacketTableModel;

// Applies a display filter to the packet list: walks the retained frames in capture order
// (as tshark's single pass, reassembly included), then each frame as it arrives, and hands
// the matching frame numbers to the table in batches (at most about 30 inserts a second).
// The quick header pass decides most frames; only the rest are dissected.
class PacketFilterScan : public StorePass {
    Q_OBJECT
public:
    explicit PacketFilterScan(PacketTableModel* table, QObject* parent = nullptr);

    // nullopt, or a filter that passes everything, shows every frame again.
    void setFilter(std::optional<DisplayFilter> filter);
    const std::optional<DisplayFilter>& filter() const { return m_filter; }
    bool filtering() const { return m_filter.has_value(); }
    // The capture's interface names, so frame.interface_name filters (Dissector::setInterfaceNames).
    void setInterfaceNames(Dissector::InterfaceNames names) { m_dissector.setInterfaceNames(std::move(names)); }
    // Each frame's comments (the user's too), so frame.comment filters (Dissector::setFrameComments).
    void setFrameComments(Dissector::FrameComments comments) { m_dissector.setFrameComments(std::move(comments)); }
    std::uint64_t dissectedCount() const { return m_matcher ? m_matcher->dissectedCount() : 0; }

protected:
    bool active() const override { return m_filter.has_value(); }
    void begin() override;
    void visit(const FrameRef& frame, std::uint64_t number) override;
    void endSlice() override;

private:
    void flush();

    PacketTableModel* m_table;
    std::optional<DisplayFilter> m_filter;
    Dissector m_dissector;
    Dissection m_dissection;
    std::unique_ptr<SequentialMatcher> m_matcher;
    std::vector<std::uint64_t> m_pending;
    QElapsedTimer m_sinceFlush;
};

}  // namespace rcvmon
