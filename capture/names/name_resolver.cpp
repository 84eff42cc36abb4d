// SPDX-License-Identifier: GPL-2.0-or-later
#include "names/name_resolver.h"

#include "names/text_file.h"

#include "dissect/dissection.h"
#include "dissect/field_format.h"
#include "dissect/field_registry.h"

namespace rcvmon::names {

NameResolver::NameResolver(ResolutionFlags flags, MacNameSources macSources, std::vector<std::string> serviceFiles)
    : m_macs(std::make_unique<MacNames>(std::move(macSources))), m_serviceFiles(std::move(serviceFiles)),
      m_externalLookup(ReverseDns::systemLookup())
{
    setFlags(flags);
}

NameResolver::~NameResolver() = default;

void NameResolver::setFlags(const ResolutionFlags& flags)
{
    if (flags == m_flags && m_flagsVersion > 0) return;
    m_flags = flags;
    ++m_flagsVersion;
    const bool external = flags.network && flags.external;
    if (external && !m_external) startExternal();
    if (!external && m_external) {
        m_externalBase += m_external->generation();
        m_external.reset();
    }
}

void NameResolver::setExternalLookup(ReverseDns::Lookup lookup)
{
    m_externalLookup = std::move(lookup);
}

void NameResolver::setOnExternalAnswer(std::function<void()> callback)
{
    m_onExternalAnswer = std::move(callback);
    if (m_external) m_external->setOnAnswer(m_onExternalAnswer);
}

void NameResolver::startExternal()
{
    m_external = std::make_unique<ReverseDns>(m_externalLookup);
    m_external->setOnAnswer(m_onExternalAnswer);
}

std::string NameResolver::macText(ByteSpan mac) const
{
    if (m_flags.mac) return m_macs->resolve(mac);
    std::string plain;
    appendMac(plain, mac);
    return plain;
}

std::string NameResolver::hostName(const IpAddress& address) const
{
    if (m_flags.capturedDns) {
        const std::string_view learned = m_learned.find(address);
        if (!learned.empty()) return std::string(learned);
    }
    if (m_external) {
        std::string answer = m_external->find(address);
        if (answer.empty()) m_external->request(address);
        return answer;
    }
    return {};
}

std::string NameResolver::hostText(const IpAddress& address) const
{
    if (m_flags.network) {
        std::string name = hostName(address);
        if (!name.empty()) return name;
    }
    return address.text();
}

const ServiceTable& NameResolver::services() const
{
    std::call_once(m_servicesLoaded, [this] {
        // The first file that names anything: Wireshark's own when installed, as tshark.
        for (const std::string& path : m_serviceFiles)
            if (auto text = readTextFile(path); text && m_services.addServicesText(*text) > 0) break;
        m_services.finish();
    });
    return m_services;
}

const ServiceTable* NameResolver::infoPortNames() const
{
    return m_flags.transport ? &services() : nullptr;
}

bool NameResolver::learn(const Dissection& dissection)
{
    if (!m_flags.capturedDns) return false;
    return m_learned.learn(dissection);
}

std::string NameResolver::fieldText(const Dissection& dissection, const FieldRecord& field) const
{
    switch (fieldInfo(field.id).kind) {
    case FieldKind::Ipv4:
    case FieldKind::Ipv6:
        if (auto address = IpAddress::fromBytes(dissection.valueBytes(field))) return hostText(*address);
        break;
    case FieldKind::Mac:
        if (dissection.valueBytes(field).size() == 6) return macText(dissection.valueBytes(field));
        break;
    default: break;
    }
    return dissection.formatValue(field);
}

void NameResolver::resolveColumns(const Dissection& dissection, PacketSummary& summary) const
{
    if (!m_flags.mac && !m_flags.network) return;
    for (const bool source : {true, false}) {
        std::string& column = source ? summary.source : summary.destination;
        if (const FieldRecord* f = dissection.columnAddressField(source)) {
            // Only the switch that applies rewrites the column: the others leave its text as is.
            const FieldKind kind = fieldInfo(f->id).kind;
            if ((m_flags.network && (kind == FieldKind::Ipv4 || kind == FieldKind::Ipv6)) || (m_flags.mac && kind == FieldKind::Mac))
                column = fieldText(dissection, *f);
        } else if (const ByteSpan link = dissection.columnLinkBytes(source); m_flags.mac && link.size() == 6) {
            column = macText(link);
        }
    }
}

std::uint64_t NameResolver::generation() const
{
    return m_flagsVersion + m_learned.generation() + m_externalBase + (m_external ? m_external->generation() : 0);
}

}  // namespace rcvmon::names
