// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "names/dns_learned_hosts.h"
#include "names/ip_address.h"
#include "names/mac_names.h"
#include "names/resolution_flags.h"
#include "names/reverse_dns.h"
#include "names/service_table.h"

#include "core/bytes.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace rcvmon {
class Dissection;
struct FieldRecord;
struct PacketSummary;
}  // namespace rcvmon

namespace rcvmon::names {

// Everything name resolution needs, with Wireshark's switches (ResolutionFlags). Files are read
// on first use; nothing touches the network unless the external resolver is switched on, and
// then only from ReverseDns's own thread. One owner thread (the GUI's, the CLI's), except
// that the external resolver's answers arrive from its worker through onExternalAnswer.
class NameResolver {
public:
    explicit NameResolver(ResolutionFlags flags = {}, MacNameSources macSources = MacNameSources::system(),
                          std::vector<std::string> serviceFiles = ServiceTable::systemFiles());
    ~NameResolver();

    const ResolutionFlags& flags() const { return m_flags; }
    // Starts the external resolver when it is switched on (and stops it when off).
    void setFlags(const ResolutionFlags& flags);
    // The external resolver's lookup (tests inject one; the default asks the system). Takes
    // effect the next time the external resolver starts.
    void setExternalLookup(ReverseDns::Lookup lookup);
    // Called from the resolver's thread when an answer arrives: repaint (queued) then.
    void setOnExternalAnswer(std::function<void()> callback);

    // Text as the columns show it: resolved when its switch is on, else the plain address.
    std::string macText(ByteSpan mac) const;
    std::string hostText(const IpAddress& address) const;
    // The host name alone: captured DNS (with d), else the external resolver's answer
    // (with N; asks it when it has none yet). Empty when there is none.
    std::string hostName(const IpAddress& address) const;
    // The port names for Info texts (PortNamesScope), or nullptr when transport names are off.
    const ServiceTable* infoPortNames() const;
    const ServiceTable& services() const;
    MacNames& macNames() const { return *m_macs; }
    DnsLearnedHosts& learnedHosts() { return m_learned; }
    const DnsLearnedHosts& learnedHosts() const { return m_learned; }
    ReverseDns* externalResolver() const { return m_external.get(); }

    // Takes a dissected frame's DNS answers when captured DNS is on; true when names changed.
    bool learn(const Dissection& dissection);
    // The Source and Destination columns with names (network / MAC switches).
    void resolveColumns(const Dissection& dissection, PacketSummary& summary) const;
    // One address field (ip.src, eth.dst, ...) as resolved text; its plain text for any
    // other kind of field.
    std::string fieldText(const Dissection& dissection, const FieldRecord& field) const;
    // Moves whenever resolved text may have changed (switches, learned or answered names):
    // cached rows older than it are stale.
    std::uint64_t generation() const;

    // Port names written into Info texts so far (port << 8 | transport), for the dialog.
    std::set<std::uint32_t>& usedPorts() const { return m_usedPorts; }

private:
    void startExternal();

    ResolutionFlags m_flags;
    std::unique_ptr<MacNames> m_macs;
    std::vector<std::string> m_serviceFiles;
    mutable std::once_flag m_servicesLoaded;
    mutable ServiceTable m_services;
    DnsLearnedHosts m_learned;
    ReverseDns::Lookup m_externalLookup;
    std::function<void()> m_onExternalAnswer;
    std::unique_ptr<ReverseDns> m_external;
    std::uint64_t m_flagsVersion = 0;
    std::uint64_t m_externalBase = 0;  // answers of resolvers already stopped
    mutable std::set<std::uint32_t> m_usedPorts;
};

}  // namespace rcvmon::names
