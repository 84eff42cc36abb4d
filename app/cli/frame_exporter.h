// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cli_options.h"

#include "file/capture_file_writer.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

namespace rcvmon::cli {

// Copies frames into the -w file, declaring each source interface the first time a frame
// from it arrives (pcapng keeps one IDB per interface; pcap allows a single link type).
class FrameExporter {
public:
    // Describes a source interface by its id: name, snap length... (linkType is taken from the frame).
    using InterfaceLookup = std::function<InterfaceInfo(std::uint32_t interfaceId)>;

    static std::unique_ptr<FrameExporter> create(const CliOptions& options, InterfaceLookup lookup, std::string& error);
    bool write(const FrameRef& frame, std::string& error);
    // The comments the next write() gives its frame (CaptureFileWriter::setNextComments).
    void setNextComments(const std::vector<std::string_view>& comments) { m_writer->setNextComments(comments); }
    bool commit(std::string& error) { return m_writer->commit(error); }
    bool flush(std::string& error) { return m_writer->flush(error); }
    // See CaptureFileWriter::borrowFrameBytes: frames stay valid until the next flush().
    void borrowFrameBytes(bool on) { m_writer->borrowFrameBytes(on); }

private:
    FrameExporter(std::unique_ptr<CaptureFileWriter> writer, InterfaceLookup lookup)
        : m_writer(std::move(writer)), m_lookup(std::move(lookup))
    {
    }
    std::unique_ptr<CaptureFileWriter> m_writer;
    InterfaceLookup m_lookup;
    std::unordered_map<std::uint32_t, std::uint32_t> m_outputInterface;  // source id -> file's
    static constexpr std::uint32_t kNone = UINT32_MAX;
    std::uint32_t m_lastSource = kNone;  // the last mapping used
    std::uint32_t m_lastOutput = kNone;
};

}  // namespace rcvmon::cli
