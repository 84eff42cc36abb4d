// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/pcapng_reader.h"

#include "file/file_bytes.h"

#include <algorithm>
#include <cstdio>
#include <utility>

// https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html

namespace rcvmon {

namespace {

constexpr std::uint32_t BlockShb = 0x0a0d0d0a;
constexpr std::uint32_t BlockIdb = 1;
constexpr std::uint32_t BlockPb = 2;  // obsolete Packet Block
constexpr std::uint32_t BlockSpb = 3;
constexpr std::uint32_t BlockEpb = 6;
constexpr std::uint32_t ByteOrderMagic = 0x1a2b3c4d;

constexpr std::uint32_t MinBlockLength = 12;  // type, length, trailing length
// Blocks are bounded so damage cannot make a stream reader allocate without end:
// the largest packet plus generous room for options (libpcap and Wireshark do the same).
constexpr std::uint32_t MaxBlockLength = 16 * 1024 * 1024;

constexpr std::uint16_t OptEnd = 0;
constexpr std::uint16_t OptComment = 1;
constexpr std::uint16_t OptIfName = 2;
constexpr std::uint16_t OptIfDescription = 3;
constexpr std::uint16_t OptIfTsresol = 9;
constexpr std::uint16_t OptIfTsoffset = 14;
constexpr std::uint16_t OptEpbFlags = 2;  // pack_flags in the obsolete PB

std::uint32_t padded(std::uint32_t n) { return (n + 3u) & ~3u; }

// Calls visit(code, value, length) for each option in [p, end) until opt_endofopt.
template <typename Visit>
void forEachOption(const std::uint8_t* p, const std::uint8_t* end, bool bigEndian, Visit visit)
{
    while (end - p >= 4) {
        const std::uint16_t code = file_bytes::load16(p, bigEndian);
        const std::uint16_t length = file_bytes::load16(p + 2, bigEndian);
        if (code == OptEnd) return;
        if (length > end - p - 4) return;  // damaged option list: keep what was read
        visit(code, p + 4, length);
        const std::uint32_t step = 4 + padded(length);
        if (step > end - p) return;
        p += step;
    }
}

std::string optionString(const std::uint8_t* value, std::uint16_t length)
{
    std::string s(reinterpret_cast<const char*>(value), length);
    while (!s.empty() && s.back() == '\0') s.pop_back();
    return s;
}

// floor(frac * 1e9 / units) without overflow: frac < units < 2^64.
std::uint32_t fractionToNanoseconds(std::uint64_t frac, std::uint64_t units)
{
    __extension__ using Wide = unsigned __int128;
    return static_cast<std::uint32_t>(static_cast<Wide>(frac) * 1'000'000'000u / units);
}

Direction directionFromFlags(std::uint32_t flags)
{
    const std::uint32_t direction = flags & 3u;
    const std::uint32_t reception = (flags >> 2) & 7u;
    if (direction == 1) return reception == 4 ? Direction::OtherHost : Direction::Incoming;
    if (direction == 2) return Direction::Outgoing;
    return Direction::Unknown;
}

std::string hex32(std::uint32_t v)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(v));
    return text;
}

}  // namespace

PcapngReader::PcapngReader(std::unique_ptr<FileInput> input, std::string displayName)
    : m_input(std::move(input)), m_name(std::move(displayName))
{
}

std::unique_ptr<PcapngReader> PcapngReader::create(std::unique_ptr<FileInput> input, const std::string& displayName,
                                                   std::string& error)
{
    std::unique_ptr<PcapngReader> reader(new PcapngReader(std::move(input), displayName));
    reader->advance(nullptr);
    // Without a whole section header there is no capture to read, torn or not.
    const std::string& problem = reader->m_error.empty() ? reader->m_warning : reader->m_error;
    if (!problem.empty() && reader->m_sections.empty()) {
        error = problem;
        return nullptr;
    }
    // Damage after the first section header is reported by next(), like any later damage.
    return reader;
}

bool PcapngReader::fail(std::string message)
{
    m_error = std::move(message);
    m_done = true;
    return false;
}

bool PcapngReader::cutShort(std::string message)
{
    m_warning = std::move(message);
    m_done = true;
    return false;
}

std::string PcapngReader::packetName(std::uint64_t number, std::uint64_t offset) const
{
    return "packet " + std::to_string(number) + " (at byte offset " + std::to_string(offset) + ")";
}

bool PcapngReader::next(FrameRef& frame) { return advance(&frame); }

bool PcapngReader::advance(FrameRef* frame)
{
    FileInput& in = *m_input;
    while (!m_done) {
        const std::uint64_t offset = in.position();
        const std::size_t got = in.fill(MinBlockLength);
        if (got == 0 && in.ioError().empty()) {
            m_done = true;
            return false;
        }
        if (!in.ioError().empty() && got < MinBlockLength)
            return fail("Reading " + m_name + " failed: " + in.ioError() + ".");
        if (got < MinBlockLength)
            return cutShort(m_name + " is truncated: the block at byte offset " + std::to_string(offset)
                            + " is cut off in its header (" + std::to_string(got) + " bytes).");

        const std::uint8_t* p = in.data();
        bool bigEndian = m_sections.empty() ? false : m_sections.back().bigEndian;
        const std::uint32_t type = file_bytes::load32(p, bigEndian);  // SHB's type reads the same either way
        if (type == BlockShb) {
            if (file_bytes::load32(p + 8, false) == ByteOrderMagic) {
                bigEndian = false;
            } else if (file_bytes::load32(p + 8, true) == ByteOrderMagic) {
                bigEndian = true;
            } else {
                return fail(m_name + " is damaged: the section header at byte offset " + std::to_string(offset)
                            + " has no valid byte-order magic.");
            }
        } else if (m_sections.empty()) {
            return fail(m_name + " is damaged: it does not start with a pcapng section header.");
        }
        const bool isPacket = type == BlockEpb || type == BlockSpb || type == BlockPb;
        if (isPacket && !frame) return false;  // priming stops before the first packet

        const std::uint32_t length = file_bytes::load32(p + 4, bigEndian);
        if (length < MinBlockLength || length % 4 != 0 || length > MaxBlockLength)
            return fail(m_name + " is damaged: the block at byte offset " + std::to_string(offset)
                        + " declares an impossible length of " + std::to_string(length) + " bytes.");
        const std::size_t have = in.fill(length);
        if (have < length) {
            if (!in.ioError().empty()) return fail("Reading " + m_name + " failed: " + in.ioError() + ".");
            const std::string what =
                isPacket ? packetName(m_frameCount + 1, offset) : "the block of type " + hex32(type) + " at byte offset " + std::to_string(offset);
            return cutShort(m_name + " is truncated: " + what + " is cut off after " + std::to_string(have)
                            + " of its " + std::to_string(length) + " bytes.");
        }
        p = in.data();
        if (file_bytes::load32(p + length - 4, bigEndian) != length)
            return fail(m_name + " is damaged: the block at byte offset " + std::to_string(offset)
                        + " ends with a length that differs from its start.");

        if (type == BlockShb) {
            if (!readSectionHeader(p, length, offset, bigEndian)) return false;
        } else if (type == BlockIdb) {
            if (!readInterface(p, length, offset)) return false;
        } else if (isPacket) {
            std::string why;
            if (!decodePacket(p, type, length, m_sections.back(), *frame, why))
                return fail(m_name + " is damaged: " + packetName(m_frameCount + 1, offset) + " " + why + ".");
            in.consumeFrame(length);
            in.prefetchAhead(length);
            m_lastOffset = offset;
            ++m_frameCount;
            return true;
        }
        in.consume(length);  // SHB, IDB done; NRB, ISB, DSB, custom and unknown blocks skipped
    }
    return false;
}

bool PcapngReader::readSectionHeader(const std::uint8_t* block, std::uint32_t length, std::uint64_t offset,
                                     bool bigEndian)
{
    if (length < 28)
        return fail(m_name + " is damaged: the section header at byte offset " + std::to_string(offset)
                    + " is too short.");
    const std::uint16_t major = file_bytes::load16(block + 12, bigEndian);
    const std::uint16_t minor = file_bytes::load16(block + 14, bigEndian);
    if (major != 1)
        return fail(m_name + " uses pcapng version " + std::to_string(major) + "." + std::to_string(minor)
                    + ", which RcvMon cannot read (only version 1).");
    Section section;
    section.offset = offset;
    section.bigEndian = bigEndian;
    section.firstInterface = static_cast<std::uint32_t>(m_interfaces.size());
    m_sections.push_back(section);
    return true;
}

bool PcapngReader::readInterface(const std::uint8_t* block, std::uint32_t length, std::uint64_t offset)
{
    const bool be = m_sections.back().bigEndian;
    if (length < 20)
        return fail(m_name + " is damaged: the interface description at byte offset " + std::to_string(offset)
                    + " is too short.");
    InterfaceInfo info;
    info.linkType = file_bytes::load16(block + 8, be);
    info.snapLength = file_bytes::load32(block + 12, be);
    forEachOption(block + 16, block + length - 4, be, [&](std::uint16_t code, const std::uint8_t* v, std::uint16_t n) {
        if (code == OptIfName) info.name = optionString(v, n);
        if (code == OptIfDescription) info.description = optionString(v, n);
        if (code == OptIfTsresol && n >= 1) info.tsResolution = v[0];
        if (code == OptIfTsoffset && n >= 8) info.tsOffsetSeconds = static_cast<std::int64_t>(file_bytes::load64(v, be));
    });
    Clock clock;
    clock.offsetSeconds = info.tsOffsetSeconds;
    const unsigned exponent = info.tsResolution & 0x7fu;
    if (info.tsResolution & 0x80u) {
        if (exponent > 63)
            return fail(m_name + " is damaged: interface " + std::to_string(m_interfaces.size())
                        + " has an impossible time resolution of 2^-" + std::to_string(exponent) + " s.");
        clock.unitsPerSecond = std::uint64_t{1} << exponent;
    } else {
        if (exponent > 19)
            return fail(m_name + " is damaged: interface " + std::to_string(m_interfaces.size())
                        + " has an impossible time resolution of 10^-" + std::to_string(exponent) + " s.");
        clock.unitsPerSecond = 1;
        for (unsigned i = 0; i < exponent; ++i) clock.unitsPerSecond *= 10;
    }
    m_interfaces.push_back(std::move(info));
    m_clocks.push_back(clock);
    ++m_sections.back().interfaceCount;
    return true;
}

bool PcapngReader::decodePacket(const std::uint8_t* block, std::uint32_t type, std::uint32_t length,
                                const Section& section, FrameRef& frame, std::string& why)
{
    m_options = {};
    const bool be = section.bigEndian;
    std::uint32_t localInterface = 0;
    std::uint64_t units = 0;
    std::uint32_t captured = 0;
    std::uint32_t dataOffset = 0;
    std::uint32_t flags = 0;
    bool hasTimestamp = true;

    if (type == BlockSpb) {
        if (length < 16) {
            why = "is a simple packet block too short to hold a packet";
            return false;
        }
        frame.originalLength = file_bytes::load32(block + 8, be);
        dataOffset = 12;
        hasTimestamp = false;
    } else {
        if (length < 32) {
            why = "is a packet block too short to hold a packet";
            return false;
        }
        localInterface = type == BlockPb ? file_bytes::load16(block + 8, be) : file_bytes::load32(block + 8, be);
        units = std::uint64_t{file_bytes::load32(block + 12, be)} << 32 | file_bytes::load32(block + 16, be);
        captured = file_bytes::load32(block + 20, be);
        frame.originalLength = file_bytes::load32(block + 24, be);
        dataOffset = 28;
    }
    if (localInterface >= section.interfaceCount) {
        why = "refers to interface " + std::to_string(localInterface) + ", but its section declares "
              + std::to_string(section.interfaceCount);
        return false;
    }
    const std::uint32_t global = section.firstInterface + localInterface;
    const InterfaceInfo& info = m_interfaces[global];
    const std::uint32_t room = length - dataOffset - 4;
    if (type == BlockSpb) {
        // The captured length is implied: the original length, cut by snaplen and the block.
        captured = std::min(frame.originalLength, room);
        if (info.snapLength != 0) captured = std::min(captured, info.snapLength);
    }
    if (captured > MaxCapturedLength) {
        why = "claims " + std::to_string(captured) + " captured bytes, more than the "
              + std::to_string(MaxCapturedLength) + " a capture can hold";
        return false;
    }
    if (captured > room) {
        why = "claims " + std::to_string(captured) + " captured bytes, but its block holds only " + std::to_string(room);
        return false;
    }
    if (type != BlockSpb) {
        const std::uint8_t* options = block + dataOffset + padded(captured);
        const std::uint8_t* end = block + length - 4;
        if (options < end) {
            m_options = ByteSpan(options, static_cast<std::size_t>(end - options));
            m_optionsBigEndian = be;
            forEachOption(options, end, be, [&](std::uint16_t code, const std::uint8_t* v, std::uint16_t n) {
                if (code == OptEpbFlags && n >= 4) flags = file_bytes::load32(v, be);
            });
        }
    }
    if (hasTimestamp) {
        const Clock& clock = m_clocks[global];
        // Unsigned, so a damaged if_tsoffset wraps (as Wireshark's sum does) instead of overflowing.
        frame.ts.sec = static_cast<std::int64_t>(units / clock.unitsPerSecond
                                                 + static_cast<std::uint64_t>(clock.offsetSeconds));
        frame.ts.nsec = fractionToNanoseconds(units % clock.unitsPerSecond, clock.unitsPerSecond);
    } else {
        frame.ts = Timestamp{};
    }
    frame.capturedLength = captured;
    frame.linkType = info.linkType;
    frame.interfaceId = global;
    frame.direction = directionFromFlags(flags);
    frame.data = ByteSpan(block + dataOffset, captured);
    return true;
}

void PcapngReader::frameComments(std::vector<std::string_view>& out) const
{
    out.clear();
    if (m_options.empty()) return;
    // A damaged option length ends the list, keeping the comments before it (as Wireshark).
    forEachOption(m_options.data(), m_options.data() + m_options.size(), m_optionsBigEndian,
                  [&](std::uint16_t code, const std::uint8_t* v, std::uint16_t n) {
                      if (code != OptComment) return;
                      std::string_view text(reinterpret_cast<const char*>(v), n);
                      while (!text.empty() && text.back() == '\0') text.remove_suffix(1);
                      out.push_back(text);
                  });
}

bool PcapngReader::readAt(std::uint64_t offset, FrameRef& frame)
{
    if (!m_input->isMapped()) {
        m_error = "Reading " + m_name + " by offset is not possible: it is a stream, not a file.";
        return false;
    }
    const ByteSpan file = m_input->whole();
    const auto after = std::upper_bound(m_sections.begin(), m_sections.end(), offset,
                                        [](std::uint64_t o, const Section& s) { return o < s.offset; });
    if (after == m_sections.begin() || offset > file.size() || file.size() - offset < MinBlockLength) {
        m_error = m_name + " has no packet at byte offset " + std::to_string(offset) + ".";
        return false;
    }
    const Section& section = *(after - 1);
    const std::uint8_t* p = file.data() + offset;
    const std::uint32_t type = file_bytes::load32(p, section.bigEndian);
    const std::uint32_t length = file_bytes::load32(p + 4, section.bigEndian);
    if ((type != BlockEpb && type != BlockSpb && type != BlockPb) || length < MinBlockLength || length % 4 != 0
        || length > file.size() - offset || file_bytes::load32(p + length - 4, section.bigEndian) != length) {
        m_error = m_name + " has no packet at byte offset " + std::to_string(offset) + ".";
        return false;
    }
    std::string why;
    if (!decodePacket(p, type, length, section, frame, why)) {
        m_error = m_name + " is damaged: the packet at byte offset " + std::to_string(offset) + " " + why + ".";
        return false;
    }
    return true;
}

}  // namespace rcvmon
