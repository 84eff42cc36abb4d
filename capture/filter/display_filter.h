// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"
#include "filter/filter_error.h"
#include "filter/filter_eval.h"
#include "filter/filter_program.h"
#include "filter/quick_packet.h"

#include <optional>
#include <string>
#include <string_view>

namespace rcvmon {

class Dissection;

// A Wireshark display filter over the fields RcvMon dissects, compiled once. Evaluating
// it never allocates: against a full Dissection (always decides), or against the quick
// header pass (decides most packets of common traffic without dissecting them).
// Immutable after compile: one filter may be evaluated from several threads.
class DisplayFilter {
public:
    // nullopt with `error` set (message and 1-based column) when the text does not compile.
    static std::optional<DisplayFilter> compile(std::string_view text, FilterError& error);

    const std::string& text() const { return m_text; }
    // The empty filter: every packet passes.
    bool matchesEverything() const;
    // True when some test reads a field or protocol the quick pass never knows (dns.qry.name,
    // "http"...): such a filter needs every packet dissected.
    bool needsDissection() const { return m_needsDissection; }
    // False when every test reads frame metadata only (frame.number, frame.len, ...): such a
    // filter is decided from the store's index record without touching the frame's bytes.
    bool needsBytes() const { return m_needsBytes; }

    // frameBytes (the frame's captured bytes) serves "PROTOCOL contains …" tests.
    bool matches(const Dissection& dissection, ByteSpan frameBytes = {}) const;
    // Pass or Fail when the headers decide, Unknown when only a dissection can tell.
    FilterVerdict matchesQuick(const QuickPacket& packet) const;

    const FilterProgram& program() const { return m_program; }

private:
    DisplayFilter() = default;

    std::string m_text;
    FilterProgram m_program;
    bool m_needsDissection = false;
    bool m_needsBytes = false;
};

}  // namespace rcvmon
