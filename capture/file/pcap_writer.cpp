// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/pcap_writer.h"

#include "file/file_bytes.h"

#include <array>

namespace rcvmon {

namespace {

constexpr std::uint32_t MagicNano = 0xa1b23c4d;

}  // namespace

bool PcapWriter::open(const std::string& path, std::string& error, OutputFile::Placement placement)
{
    m_path = path == "-" ? "standard output" : "\"" + path + "\"";
    return m_out.create(path, error, placement);
}

bool PcapWriter::flush(std::string& error)
{
    // A live file is readable from its start: the header goes out as soon as the link type is known.
    if (!m_headerWritten && !m_interfaces.empty() && !writeFileHeader(error)) return false;
    return m_out.flush(error);
}

std::optional<std::uint32_t> PcapWriter::addInterface(const InterfaceInfo& info, std::string& error)
{
    if (!m_interfaces.empty() && info.linkType != m_interfaces.front().linkType) {
        error = "Cannot write " + m_path + " as pcap: it holds one link type (" + std::to_string(m_interfaces.front().linkType)
                + ") and these packets also have link type " + std::to_string(info.linkType) + "; use pcapng.";
        return std::nullopt;
    }
    m_interfaces.push_back(info);
    return static_cast<std::uint32_t>(m_interfaces.size() - 1);
}

bool PcapWriter::writeFileHeader(std::string& error)
{
    // The largest snaplen declared; 0 (unknown) becomes the usual maximum.
    std::uint32_t snapLength = 0;
    bool unlimited = m_interfaces.empty();
    for (const InterfaceInfo& info : m_interfaces) {
        if (info.snapLength == 0) unlimited = true;
        if (info.snapLength > snapLength) snapLength = info.snapLength;
    }
    if (unlimited) snapLength = MaxCapturedLength;
    // With no interface at all (an empty export) the link type defaults to Ethernet.
    const std::uint32_t linkType = m_interfaces.empty() ? 1 : m_interfaces.front().linkType;

    std::array<std::uint8_t, 24> header{};
    file_bytes::store32(header.data(), MagicNano);
    header[4] = 2;  // version 2.4, little-endian
    header[6] = 4;
    file_bytes::store32(header.data() + 16, snapLength);
    file_bytes::store32(header.data() + 20, linkType);
    m_headerWritten = true;
    return m_out.append(header.data(), header.size(), error);
}

bool PcapWriter::write(const FrameRef& frame, std::uint32_t interfaceIndex, std::string& error)
{
    if (interfaceIndex >= m_interfaces.size()) {
        error = "Cannot write a packet to " + m_path + ": interface " + std::to_string(interfaceIndex)
                + " was never declared.";
        return false;
    }
    if (frame.linkType != m_interfaces[interfaceIndex].linkType) {
        error = "Cannot write a packet to " + m_path + ": its link type " + std::to_string(frame.linkType)
                + " differs from interface " + std::to_string(interfaceIndex) + "'s "
                + std::to_string(m_interfaces[interfaceIndex].linkType) + ".";
        return false;
    }
    if (frame.data.size() > MaxCapturedLength) {
        error = "Cannot write a packet of " + std::to_string(frame.data.size()) + " bytes to " + m_path
                + ": readers refuse packets above " + std::to_string(MaxCapturedLength) + " bytes.";
        return false;
    }
    if (frame.ts.sec < 0 || frame.ts.sec > 0xffffffffLL) {
        error = "Cannot write a packet to " + m_path + ": its time stamp (" + std::to_string(frame.ts.sec)
                + " s) does not fit pcap's 32-bit seconds; use pcapng.";
        return false;
    }
    if (!m_headerWritten && !writeFileHeader(error)) return false;

    std::array<std::uint8_t, 16> record{};
    file_bytes::store32(record.data(), static_cast<std::uint32_t>(frame.ts.sec));
    file_bytes::store32(record.data() + 4, frame.ts.nsec);
    file_bytes::store32(record.data() + 8, static_cast<std::uint32_t>(frame.data.size()));
    file_bytes::store32(record.data() + 12, frame.originalLength);
    const bool borrowed = m_out.borrows(frame.data.size());
    return m_out.reserveRecord(record.size() + (borrowed ? 0 : frame.data.size()), borrowed ? 1 : 0, error)
           && m_out.append(record.data(), record.size(), error)
           && m_out.appendFrameBytes(frame.data.data(), frame.data.size(), error);
}

bool PcapWriter::commit(std::string& error)
{
    if (!m_headerWritten && !writeFileHeader(error)) return false;
    return m_out.commit(error);
}

}  // namespace rcvmon
