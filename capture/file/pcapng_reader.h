// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/capture_file_reader.h"
#include "file/file_input.h"

#include <memory>
#include <string>

namespace rcvmon {

// The pcapng format: blocks in sections, each section with its own byte order and
// interfaces. Reads SHB, IDB, EPB, SPB and the obsolete PB; skips every other block.
// Interfaces of all sections are numbered in file order (as Wireshark does).
class PcapngReader final : public CaptureFileReader {
public:
    // Reads the first section header and the blocks before the first packet.
    static std::unique_ptr<PcapngReader> create(std::unique_ptr<FileInput> input, const std::string& displayName,
                                                std::string& error);

    bool next(FrameRef& frame) override;
    const std::string& error() const override { return m_error; }
    const std::string& warning() const override { return m_warning; }
    FileFormat format() const override { return FileFormat::PcapNg; }
    const std::vector<InterfaceInfo>& interfaces() const override { return m_interfaces; }
    bool randomAccess() const override { return m_input->isMapped(); }
    void copySequentialReads() override { m_input->copySequentialReads(); }
    std::uint64_t mappedSize() const override { return m_input->isMapped() ? m_input->whole().size() : 0; }
    std::uint64_t lastFrameOffset() const override { return m_lastOffset; }
    bool readAt(std::uint64_t offset, FrameRef& frame) override;
    void frameComments(std::vector<std::string_view>& out) const override;

private:
    struct Section {
        std::uint64_t offset = 0;
        bool bigEndian = false;
        std::uint32_t firstInterface = 0;  // index into m_interfaces
        std::uint32_t interfaceCount = 0;
    };
    struct Clock {  // an interface's if_tsresol and if_tsoffset, ready to convert
        std::uint64_t unitsPerSecond = 1'000'000;
        std::int64_t offsetSeconds = 0;
    };

    PcapngReader(std::unique_ptr<FileInput> input, std::string displayName);
    // Reads blocks until a packet (into *frame) or the end. With frame == nullptr it stops
    // before the first packet block without consuming it.
    bool advance(FrameRef* frame);
    bool readSectionHeader(const std::uint8_t* block, std::uint32_t length, std::uint64_t offset, bool bigEndian);
    bool readInterface(const std::uint8_t* block, std::uint32_t length, std::uint64_t offset);
    // Decodes a packet block (EPB, PB, SPB) of the given section; message on failure.
    // Also keeps a view of its options (m_options), for frameComments().
    bool decodePacket(const std::uint8_t* block, std::uint32_t type, std::uint32_t length, const Section& section,
                      FrameRef& frame, std::string& why);
    std::string packetName(std::uint64_t number, std::uint64_t offset) const;
    bool fail(std::string message);
    // The file ends inside a record: stop before it, with a warning.
    bool cutShort(std::string message);

    std::unique_ptr<FileInput> m_input;
    std::string m_name;
    std::string m_error;
    std::string m_warning;
    std::vector<InterfaceInfo> m_interfaces;
    std::vector<Clock> m_clocks;
    std::vector<Section> m_sections;
    std::uint64_t m_lastOffset = 0;
    std::uint64_t m_frameCount = 0;
    bool m_done = false;
    // The last packet's options, a view into the file or stream buffer like the frame's bytes:
    // comments are rare, so they are parsed only when asked for.
    ByteSpan m_options;
    bool m_optionsBigEndian = false;
};

}  // namespace rcvmon
