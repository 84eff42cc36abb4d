// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/pcap_reader.h"

#include "core/frame_no_interface.h"
#include "file/file_bytes.h"

#include <utility>

namespace rcvmon {

namespace {

// https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-03.html
constexpr std::size_t FileHeaderLength = 24;
constexpr std::uint32_t MagicMicro = 0xa1b2c3d4;
constexpr std::uint32_t MagicNano = 0xa1b23c4d;
constexpr std::uint32_t MagicKuznetsov = 0xa1b2cd34;  // Linux "modified pcap": 8 more bytes per record

// The link type sits in the low 26 bits; the top bits carry FCS information.
constexpr std::uint32_t LinkTypeMask = 0x03ffffff;

}  // namespace

PcapReader::PcapReader(std::unique_ptr<FileInput> input, std::string displayName)
    : m_input(std::move(input)), m_name(std::move(displayName))
{
}

std::unique_ptr<PcapReader> PcapReader::create(std::unique_ptr<FileInput> input, const std::string& displayName,
                                               std::string& error)
{
    std::unique_ptr<PcapReader> reader(new PcapReader(std::move(input), displayName));
    FileInput& in = *reader->m_input;
    const std::size_t got = in.fill(FileHeaderLength);
    if (got < FileHeaderLength) {
        error = displayName + " is truncated: its pcap file header ends after " + std::to_string(got) + " of "
                + std::to_string(FileHeaderLength) + " bytes.";
        return nullptr;
    }
    const std::uint8_t* h = in.data();
    const std::uint32_t magicLe = file_bytes::load32(h, false);
    const std::uint32_t magicBe = file_bytes::load32(h, true);
    reader->m_bigEndian = magicLe != MagicMicro && magicLe != MagicNano && magicLe != MagicKuznetsov;
    const std::uint32_t magic = reader->m_bigEndian ? magicBe : magicLe;
    reader->m_nanoseconds = magic == MagicNano;
    if (magic == MagicKuznetsov) reader->m_recordHeaderLength = 24;

    const bool be = reader->m_bigEndian;
    const std::uint16_t major = file_bytes::load16(h + 4, be);
    const std::uint16_t minor = file_bytes::load16(h + 6, be);
    if (major != 2) {
        error = displayName + " uses pcap format version " + std::to_string(major) + "." + std::to_string(minor)
                + ", which RcvMon cannot read (only version 2).";
        return nullptr;
    }
    InterfaceInfo info;
    info.snapLength = file_bytes::load32(h + 16, be);
    info.linkType = file_bytes::load32(h + 20, be) & LinkTypeMask;
    info.tsResolution = reader->m_nanoseconds ? 9 : 6;
    reader->m_interfaces.push_back(std::move(info));
    in.consume(FileHeaderLength);
    return reader;
}

bool PcapReader::fail(std::string message)
{
    m_error = std::move(message);
    m_done = true;
    return false;
}

bool PcapReader::cutShort(std::string message)
{
    m_warning = std::move(message);
    m_done = true;
    return false;
}

// The end of the file, or a record header cut short (or unreadable).
bool PcapReader::endOrRefuseHeader(std::uint64_t offset, std::uint64_t number, std::size_t got)
{
    const FileInput& in = *m_input;
    if (!in.ioError().empty()) return fail("Reading " + m_name + " failed: " + in.ioError() + ".");
    if (got == 0) {
        m_done = true;
        return false;
    }
    return cutShort(m_name + " is truncated: packet " + std::to_string(number) + " (at byte offset "
                    + std::to_string(offset) + ") is cut off in its record header (" + std::to_string(got) + " of "
                    + std::to_string(m_recordHeaderLength) + " bytes).");
}

bool PcapReader::refuseCutFrame(std::uint64_t offset, std::uint64_t number, std::size_t have, std::uint32_t captured)
{
    const FileInput& in = *m_input;
    if (!in.ioError().empty()) return fail("Reading " + m_name + " failed: " + in.ioError() + ".");
    return cutShort(m_name + " is truncated: packet " + std::to_string(number) + " (at byte offset "
                    + std::to_string(offset) + ") is cut off after " + std::to_string(have - m_recordHeaderLength)
                    + " of its " + std::to_string(captured) + " captured bytes.");
}

// The error paths are out of line: next() and decodeHeader() stay small enough to inline.
bool PcapReader::refuseCapturedLength(std::uint64_t offset, std::uint64_t number, std::uint32_t captured)
{
    const std::string where = number ? "packet " + std::to_string(number) + " (at byte offset "
                                           + std::to_string(offset) + ")"
                                     : "the packet at byte offset " + std::to_string(offset);
    m_error = m_name + " is damaged: " + where + " claims " + std::to_string(captured)
              + " captured bytes, more than the " + std::to_string(MaxCapturedLength) + " a capture can hold.";
    return false;
}

bool PcapReader::decodeHeader(const std::uint8_t* p, std::uint64_t offset, std::uint64_t number, FrameRef& frame)
{
    const std::uint32_t sec = file_bytes::load32(p, m_bigEndian);
    const std::uint32_t frac = file_bytes::load32(p + 4, m_bigEndian);
    const std::uint32_t captured = file_bytes::load32(p + 8, m_bigEndian);
    if (captured > MaxCapturedLength) [[unlikely]]
        return refuseCapturedLength(offset, number, captured);
    frame.ts.sec = sec;  // unsigned, as Wireshark reads it
    // Wireshark multiplies the 32-bit microseconds by 1000 in 32-bit arithmetic: 1000000
    // becomes 1000000000 (printed ".1000000000") and 2147483648 wraps to 0. Match it.
    frame.ts.nsec = m_nanoseconds ? frac : static_cast<std::uint32_t>(frac * 1000u);
    frame.capturedLength = captured;
    frame.originalLength = file_bytes::load32(p + 12, m_bigEndian);
    frame.linkType = m_interfaces.front().linkType;
    frame.interfaceId = 0;
    frame.flags = kFrameFlagNoInterface;
    frame.direction = Direction::Unknown;
    if (m_recordHeaderLength == 24) {
        // Kuznetsov's pkt_type: 0 to us, 1 broadcast, 2 multicast, 3 other host, 4 outgoing.
        const std::uint8_t type = p[22];
        frame.direction = type == 4 ? Direction::Outgoing
                          : type == 3 ? Direction::OtherHost
                          : type <= 2 ? Direction::Incoming
                                      : Direction::Unknown;
    }
    return true;
}

bool PcapReader::next(FrameRef& frame)
{
    if (m_done) return false;
    FileInput& in = *m_input;
    const std::uint64_t offset = in.position();
    const std::uint64_t number = m_frameCount + 1;
    const std::size_t got = in.fill(m_recordHeaderLength);
    if (got < m_recordHeaderLength) [[unlikely]]
        return endOrRefuseHeader(offset, number, got);
    if (!decodeHeader(in.data(), offset, number, frame)) {
        m_done = true;
        return false;
    }
    const std::size_t total = m_recordHeaderLength + frame.capturedLength;
    const std::size_t have = in.fill(total);
    if (have < total) [[unlikely]]
        return refuseCutFrame(offset, number, have, frame.capturedLength);
    frame.data = ByteSpan(in.data() + m_recordHeaderLength, frame.capturedLength);
    in.consumeFrame(total);
    in.prefetchAhead(total);
    m_lastOffset = offset;
    m_frameCount = number;
    return true;
}

std::uint32_t PcapReader::fixedFrameOffset() const
{
    return m_input->isMapped() ? static_cast<std::uint32_t>(m_recordHeaderLength) : 0;
}

ByteSpan PcapReader::mappedBytes() const
{
    return m_input->isMapped() ? m_input->whole() : ByteSpan();
}

bool PcapReader::readAt(std::uint64_t offset, FrameRef& frame)
{
    if (!m_input->isMapped()) {
        m_error = "Reading " + m_name + " by offset is not possible: it is a stream, not a file.";
        return false;
    }
    const ByteSpan file = m_input->whole();
    if (offset < FileHeaderLength || offset > file.size() || file.size() - offset < m_recordHeaderLength) {
        m_error = m_name + " has no packet at byte offset " + std::to_string(offset) + ".";
        return false;
    }
    const std::uint8_t* p = file.data() + offset;
    if (!decodeHeader(p, offset, 0, frame)) return false;
    if (file.size() - offset - m_recordHeaderLength < frame.capturedLength) {
        m_error = m_name + " is truncated: the packet at byte offset " + std::to_string(offset) + " is cut off.";
        return false;
    }
    frame.data = ByteSpan(p + m_recordHeaderLength, frame.capturedLength);
    return true;
}

}  // namespace rcvmon
