// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "on_demand_pass.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"

namespace rcvmon {

namespace names {
class NameResolver;
}

// "Use captured DNS packet data for address resolution" in the window: once enabled (network
// names and captured DNS both on) it walks every retained frame in slices, as Wireshark's
// first pass does, dissects only the TCP and UDP ones and learns their DNS answers, so a row
// shows the name even when the answer comes later in the file. namesLearned() says when
// shown rows may need their text again.
class DnsNamePass : public OnDemandPass {
    Q_OBJECT
public:
    explicit DnsNamePass(names::NameResolver& resolver, QObject* parent = nullptr);

signals:
    void namesLearned();

protected:
    void clearResults() override;
    void visit(const FrameRef& frame, std::uint64_t number) override;
    void endSlice() override;

private:
    names::NameResolver& m_resolver;
    Dissector m_dissector;
    Dissection m_dissection;
    bool m_learned = false;
};

}  // namespace rcvmon
