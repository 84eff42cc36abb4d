// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/capture_file_writer.h"
#include "file/output_file.h"

#include <string_view>
#include <vector>

namespace rcvmon {

// pcapng, little-endian: one section; an IDB (if_name, if_description, if_tsresol=9) per
// declared interface; an EPB per packet with a nanosecond time stamp and, when the
// direction is known, epb_flags.
class PcapngWriter final : public CaptureFileWriter {
public:
    bool open(const std::string& path, std::string& error,
              OutputFile::Placement placement = OutputFile::Placement::Atomic);

    std::optional<std::uint32_t> addInterface(const InterfaceInfo& info, std::string& error) override;
    bool write(const FrameRef& frame, std::uint32_t interfaceIndex, std::string& error) override;
    void setNextComments(const std::vector<std::string_view>& comments) override { m_nextComments = comments; }
    bool commit(std::string& error) override;
    bool writeStatistics(std::uint32_t interfaceIndex, const InterfaceStatistics& stats, std::string& error) override;
    bool flush(std::string& error) override { return m_out.flush(error); }
    void borrowFrameBytes(bool on) override { m_out.borrowFrameBytes(on); }
    std::uint64_t size() const override { return m_out.size(); }
    bool holdsBorrowedBytes() const override { return m_out.holdsBorrowedBytes(); }

private:
    OutputFile m_out;
    std::string m_path;
    std::vector<std::uint32_t> m_linkTypes;  // per declared interface
    std::vector<std::uint8_t> m_block;       // scratch for SHB / IDB / a borrowed frame's tail
    std::vector<std::string_view> m_nextComments;  // for the next write() only; reused
};

}  // namespace rcvmon
