// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/capture_stream_parser.h"

#include "file/capture_file_reader.h"
#include "file/file_bytes.h"

#include <cstdio>
#include <cstring>

namespace rcvmon {
namespace {

using file_bytes::load16;
using file_bytes::load32;
using file_bytes::load64;

constexpr std::uint32_t BlockShb = 0x0a0d0d0a;
constexpr std::uint32_t BlockIdb = 1;
constexpr std::uint32_t BlockIsb = 5;
constexpr std::uint32_t BlockEpb = 6;
constexpr std::uint32_t ByteOrderMagic = 0x1a2b3c4d;
constexpr std::size_t PcapHeaderBytes = 24;
constexpr std::size_t PcapRecordBytes = 16;
// A block larger than the largest packet plus generous options is damage, not data.
constexpr std::uint32_t MaxBlockBytes = MaxCapturedLength + (64u << 10);

Direction directionOfFlags(std::uint32_t flags)
{
    if (((flags >> 2) & 7u) == 4) return Direction::OtherHost;  // reception type "promiscuous"
    switch (flags & 3u) {
    case 1: return Direction::Incoming;
    case 2: return Direction::Outgoing;
    default: return Direction::Unknown;
    }
}

std::uint64_t unitsPerSecond(std::uint8_t resolution)
{
    const std::uint8_t exponent = resolution & 0x7f;
    std::uint64_t units = 1;
    if ((resolution & 0x80) != 0) return exponent < 64 ? units << exponent : 0;
    for (std::uint8_t i = 0; i < exponent; ++i) {
        if (units > UINT64_MAX / 10) return 0;
        units *= 10;
    }
    return units;
}

// Walks pcapng options: fn(code, value, length) for each, up to opt_endofopt or the end.
template <typename Fn>
void forEachOption(const std::uint8_t* p, std::size_t length, bool bigEndian, Fn&& fn)
{
    std::size_t at = 0;
    while (at + 4 <= length) {
        const std::uint16_t code = load16(p + at, bigEndian);
        const std::uint16_t size = load16(p + at + 2, bigEndian);
        if (code == 0 || at + 4 + size > length) return;
        fn(code, p + at + 4, size);
        at += 4 + ((size + 3u) & ~3u);
    }
}

}  // namespace

void CaptureStreamParser::feed(const std::uint8_t* bytes, std::size_t length)
{
    if (length == 0) return;
    if (m_begin == m_end) m_begin = m_end = 0;
    if (m_buffer.size() - m_end < length) {
        // Move the unparsed tail to the front first; grow only when that is not enough.
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
        if (m_buffer.size() - m_end < length) m_buffer.resize(m_end + length + (64u << 10));
    }
    std::memcpy(m_buffer.data() + m_end, bytes, length);
    m_end += length;
}

CaptureStreamParser::Status CaptureStreamParser::malformed(std::string message)
{
    if (m_error.empty()) m_error = std::move(message);
    return Status::Malformed;
}

CaptureStreamParser::Status CaptureStreamParser::next(FrameRef& frame)
{
    if (const Status started = startStream(); started != Status::Frame) return started;
    if (!m_pcapng) return parsePcapRecord(frame);
    for (;;) {
        bool produced = false;
        const Status status = parsePcapNgBlock(frame, produced);
        if (status != Status::Frame) return status;
        if (produced) return Status::Frame;
    }
}

bool CaptureStreamParser::readHeader()
{
    if (startStream() != Status::Frame) return false;
    while (m_pcapng && !headerSeen() && m_end - m_begin >= 12) {
        // A packet before any interface is malformed; next() says so.
        if (load32(m_buffer.data() + m_begin, m_bigEndian) == BlockEpb) break;
        FrameRef ignored;
        bool produced = false;
        if (parsePcapNgBlock(ignored, produced) != Status::Frame) break;
    }
    return headerSeen();
}

// The format from the first bytes; pcap's file header with them.
CaptureStreamParser::Status CaptureStreamParser::startStream()
{
    if (!m_error.empty()) return Status::Malformed;
    if (!m_started) {
        if (m_end - m_begin < 4) return Status::NeedMore;
        m_pcapng = load32(m_buffer.data() + m_begin, false) == BlockShb;
        m_started = true;
    }
    if (!m_pcapng && m_interfaces.empty()) return parsePcapHeader();
    return Status::Frame;
}

CaptureStreamParser::Status CaptureStreamParser::parsePcapHeader()
{
    if (m_end - m_begin < PcapHeaderBytes) return Status::NeedMore;
    const std::uint8_t* p = m_buffer.data() + m_begin;
    const std::uint32_t magic = load32(p, false);
    if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) m_bigEndian = false;
    else if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) m_bigEndian = true;
    else return malformed("the stream is neither pcap nor pcapng (it starts with 0x" + [magic] {
        char hex[9];
        std::snprintf(hex, sizeof hex, "%08x", magic);
        return std::string(hex);
    }() + ")");
    m_nanoseconds = magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
    Interface iface;
    iface.linkType = load32(p + 20, m_bigEndian) & 0x0fffffffu;
    iface.unitsPerSecond = m_nanoseconds ? 1'000'000'000 : 1'000'000;
    m_interfaces.push_back(iface);
    m_begin += PcapHeaderBytes;
    return Status::Frame;
}

CaptureStreamParser::Status CaptureStreamParser::parsePcapRecord(FrameRef& frame)
{
    if (m_end - m_begin < PcapRecordBytes) return Status::NeedMore;
    const std::uint8_t* p = m_buffer.data() + m_begin;
    const std::uint32_t captured = load32(p + 8, m_bigEndian);
    if (captured > MaxCapturedLength)
        return malformed("a pcap record claims " + std::to_string(captured) + " captured bytes");
    if (m_end - m_begin < PcapRecordBytes + captured) return Status::NeedMore;
    const std::uint32_t fraction = load32(p + 4, m_bigEndian);
    frame = FrameRef{};
    frame.ts = Timestamp{load32(p, m_bigEndian), m_nanoseconds ? fraction : fraction * 1000u};
    frame.capturedLength = captured;
    frame.originalLength = load32(p + 12, m_bigEndian);
    frame.linkType = m_interfaces.front().linkType;
    frame.data = ByteSpan(p + PcapRecordBytes, captured);
    m_begin += PcapRecordBytes + captured;
    return Status::Frame;
}

CaptureStreamParser::Status CaptureStreamParser::parsePcapNgBlock(FrameRef& frame, bool& produced)
{
    if (m_end - m_begin < 12) return Status::NeedMore;
    const std::uint8_t* p = m_buffer.data() + m_begin;
    const std::uint32_t type = load32(p, m_bigEndian);
    if (type == BlockShb) {
        const std::uint32_t magic = load32(p + 8, false);
        if (magic == ByteOrderMagic) m_bigEndian = false;
        else if (magic == 0x4d3c2b1a) m_bigEndian = true;
        else return malformed("a pcapng section header has no valid byte-order magic");
    }
    const std::uint32_t length = load32(p + 4, m_bigEndian);
    if (length < 12 || length % 4 != 0 || length > MaxBlockBytes)
        return malformed("a pcapng block of type " + std::to_string(type) + " claims " + std::to_string(length) + " bytes");
    if (m_end - m_begin < length) return Status::NeedMore;
    const std::uint8_t* body = p + 8;
    const std::size_t bodyLength = length - 12;

    if (type == BlockShb) {
        m_sectionFirstInterface = static_cast<std::uint32_t>(m_interfaces.size());
    } else if (type == BlockIdb) {
        parseInterfaceBlock(body, bodyLength);
    } else if (type == BlockIsb) {
        parseStatisticsBlock(body, bodyLength);
    } else if (type == BlockEpb) {
        if (bodyLength < 20) return malformed("a pcapng packet block is too short");
        const std::uint32_t id = load32(body, m_bigEndian) + m_sectionFirstInterface;
        const std::uint32_t captured = load32(body + 12, m_bigEndian);
        if (id >= m_interfaces.size()) return malformed("a packet names interface " + std::to_string(id) + ", never declared");
        if (captured > bodyLength - 20) return malformed("a pcapng packet block is shorter than its packet");
        const std::uint64_t units = std::uint64_t{load32(body + 4, m_bigEndian)} << 32 | load32(body + 8, m_bigEndian);
        frame = FrameRef{};
        frame.ts = timestampOf(id, units);
        frame.capturedLength = captured;
        frame.originalLength = load32(body + 16, m_bigEndian);
        frame.linkType = m_interfaces[id].linkType;
        frame.interfaceId = id;
        frame.data = ByteSpan(body + 20, captured);
        const std::size_t optionsAt = 20 + ((captured + 3u) & ~std::size_t{3});
        if (optionsAt < bodyLength)
            forEachOption(body + optionsAt, bodyLength - optionsAt, m_bigEndian,
                          [&](std::uint16_t code, const std::uint8_t* value, std::uint16_t size) {
                              if (code == 2 && size == 4) frame.direction = directionOfFlags(load32(value, m_bigEndian));
                          });
        produced = true;
    }
    m_begin += length;
    return Status::Frame;
}

void CaptureStreamParser::parseInterfaceBlock(const std::uint8_t* body, std::size_t length)
{
    Interface iface;
    if (length >= 8) {
        iface.linkType = load16(body, m_bigEndian);
        forEachOption(body + 8, length - 8, m_bigEndian, [&](std::uint16_t code, const std::uint8_t* value, std::uint16_t size) {
            if (code == 2) iface.name.assign(reinterpret_cast<const char*>(value), size);
            if (code == 9 && size >= 1) {
                const std::uint64_t units = unitsPerSecond(value[0]);
                if (units != 0) iface.unitsPerSecond = units;
            }
        });
    }
    m_interfaces.push_back(std::move(iface));
}

void CaptureStreamParser::parseStatisticsBlock(const std::uint8_t* body, std::size_t length)
{
    if (length < 12) return;
    const std::uint32_t id = load32(body, m_bigEndian) + m_sectionFirstInterface;
    if (id >= m_interfaces.size()) return;
    Interface& iface = m_interfaces[id];
    forEachOption(body + 12, length - 12, m_bigEndian, [&](std::uint16_t code, const std::uint8_t* value, std::uint16_t size) {
        if (size != 8) return;
        if (code == 4) iface.received = load64(value, m_bigEndian);
        if (code == 5) iface.dropped = load64(value, m_bigEndian);
    });
}

Timestamp CaptureStreamParser::timestampOf(std::uint32_t interfaceId, std::uint64_t units) const
{
    const std::uint64_t perSecond = m_interfaces[interfaceId].unitsPerSecond;
    const std::uint64_t rest = units % perSecond;
    // rest < perSecond: the product fits 64 bits up to 10^10 units per second; finer is divided down.
    const std::uint64_t nanoseconds = perSecond <= 10'000'000'000ull ? rest * 1'000'000'000u / perSecond
                                                                     : rest / (perSecond / 1'000'000'000u);
    return Timestamp{static_cast<std::int64_t>(units / perSecond), static_cast<std::uint32_t>(nanoseconds)};
}

}  // namespace rcvmon
