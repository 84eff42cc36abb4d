// SPDX-License-Identifier: GPL-2.0-or-later
#include "frame_exporter.h"

namespace rcvmon::cli {

std::unique_ptr<FrameExporter> FrameExporter::create(const CliOptions& options, InterfaceLookup lookup, std::string& error)
{
    const FileFormat format = options.writeFormat == WriteFormat::Pcap ? FileFormat::Pcap : FileFormat::PcapNg;
    auto writer = CaptureFileWriter::create(options.writeFile, format, error);
    if (!writer) return nullptr;
    return std::unique_ptr<FrameExporter>(new FrameExporter(std::move(writer), std::move(lookup)));
}

bool FrameExporter::write(const FrameRef& frame, std::string& error)
{
    // A live capture sends one interface's frames in long runs: skip the lookup for those.
    if (frame.interfaceId == m_lastSource && m_lastOutput != kNone) return m_writer->write(frame, m_lastOutput, error);
    auto it = m_outputInterface.find(frame.interfaceId);
    if (it == m_outputInterface.end()) {
        InterfaceInfo info = m_lookup(frame.interfaceId);
        info.linkType = frame.linkType;
        const auto index = m_writer->addInterface(info, error);
        if (!index) return false;
        it = m_outputInterface.emplace(frame.interfaceId, *index).first;
    }
    m_lastSource = frame.interfaceId;
    m_lastOutput = it->second;
    return m_writer->write(frame, it->second, error);
}

}  // namespace rcvmon::cli
