// SPDX-License-Identifier: GPL-2.0-or-later
#include "dns_name_pass.h"

#include "dissect/quick_classify.h"
#include "names/name_resolver.h"

namespace rcvmon {

DnsNamePass::DnsNamePass(names::NameResolver& resolver, QObject* parent) : OnDemandPass(parent), m_resolver(resolver) {}

void DnsNamePass::clearResults()
{
    m_resolver.learnedHosts().clear();
    m_dissector.reset();
    m_learned = true;  // the cleared names must leave the rows too
}

void DnsNamePass::visit(const FrameRef& frame, std::uint64_t number)
{
    // DNS and mDNS ride on UDP or TCP; the header pass rules out everything else cheaply.
    const ProtocolClass cls = classifyFrame(frame.linkType, frame.data);
    if (cls != ProtocolClass::Udp && cls != ProtocolClass::Tcp) return;
    m_dissector.dissect(frame, number, m_dissection);
    m_learned = m_resolver.learn(m_dissection) || m_learned;
}

void DnsNamePass::endSlice()
{
    if (!m_learned) return;
    m_learned = false;
    emit namesLearned();
}

}  // namespace rcvmon
