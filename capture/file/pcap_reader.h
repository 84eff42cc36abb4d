// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/capture_file_reader.h"
#include "file/file_input.h"

#include <memory>
#include <string>

namespace rcvmon {

// The classic libpcap format: a 24-byte file header, then a record header and the bytes
// of each packet. Either byte order; microsecond, nanosecond and Kuznetsov's modified magic.
class PcapReader final : public CaptureFileReader {
public:
    // Parses the file header; nullptr and error when it is short or unsupported.
    static std::unique_ptr<PcapReader> create(std::unique_ptr<FileInput> input, const std::string& displayName,
                                              std::string& error);

    bool next(FrameRef& frame) override;
    const std::string& error() const override { return m_error; }
    const std::string& warning() const override { return m_warning; }
    FileFormat format() const override { return FileFormat::Pcap; }
    const std::vector<InterfaceInfo>& interfaces() const override { return m_interfaces; }
    bool randomAccess() const override { return m_input->isMapped(); }
    void copySequentialReads() override { m_input->copySequentialReads(); }
    std::uint64_t mappedSize() const override { return m_input->isMapped() ? m_input->whole().size() : 0; }
    std::uint64_t lastFrameOffset() const override { return m_lastOffset; }
    bool readAt(std::uint64_t offset, FrameRef& frame) override;
    std::uint32_t fixedFrameOffset() const override;
    ByteSpan mappedBytes() const override;

private:
    PcapReader(std::unique_ptr<FileInput> input, std::string displayName);
    // Fills frame from a record header at p; false (and error) when its length is impossible.
    // number is the frame's place in the file, 0 when unknown (random access).
    [[gnu::always_inline]] inline bool decodeHeader(const std::uint8_t* p, std::uint64_t offset, std::uint64_t number,
                                             FrameRef& frame);
    bool fail(std::string message);
    // The file ends inside a record: stop before it, with a warning.
    bool cutShort(std::string message);
    [[gnu::cold, gnu::noinline]] bool endOrRefuseHeader(std::uint64_t offset, std::uint64_t number, std::size_t got);
    [[gnu::cold, gnu::noinline]] bool refuseCutFrame(std::uint64_t offset, std::uint64_t number, std::size_t have,
                                                    std::uint32_t captured);
    [[gnu::cold, gnu::noinline]] bool refuseCapturedLength(std::uint64_t offset, std::uint64_t number,
                                                          std::uint32_t captured);

    std::unique_ptr<FileInput> m_input;
    std::string m_name;
    std::string m_error;
    std::string m_warning;
    std::vector<InterfaceInfo> m_interfaces;
    bool m_bigEndian = false;
    bool m_nanoseconds = false;
    std::size_t m_recordHeaderLength = 16;  // 24 in Kuznetsov's modified format
    std::uint64_t m_lastOffset = 0;
    std::uint64_t m_frameCount = 0;
    bool m_done = false;
};

}  // namespace rcvmon
