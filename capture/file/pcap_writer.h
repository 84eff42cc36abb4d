// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/capture_file_writer.h"
#include "file/output_file.h"

#include <vector>

namespace rcvmon {

// pcap with the nanosecond magic, so every timestamp RcvMon holds is stored exactly.
// The file header (snaplen, link type) is written with the first packet, the first flush
// after an interface is declared, or at commit.
class PcapWriter final : public CaptureFileWriter {
public:
    bool open(const std::string& path, std::string& error,
              OutputFile::Placement placement = OutputFile::Placement::Atomic);

    std::optional<std::uint32_t> addInterface(const InterfaceInfo& info, std::string& error) override;
    bool write(const FrameRef& frame, std::uint32_t interfaceIndex, std::string& error) override;
    bool commit(std::string& error) override;
    bool flush(std::string& error) override;
    void borrowFrameBytes(bool on) override { m_out.borrowFrameBytes(on); }
    std::uint64_t size() const override { return m_out.size(); }
    bool holdsBorrowedBytes() const override { return m_out.holdsBorrowedBytes(); }

private:
    bool writeFileHeader(std::string& error);

    OutputFile m_out;
    std::string m_path;
    std::vector<InterfaceInfo> m_interfaces;
    bool m_headerWritten = false;
};

}  // namespace rcvmon
