// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/pcapng_writer.h"

#include "file/file_bytes.h"

#include <array>
#include <cstring>
#include <string_view>

namespace rcvmon {

namespace {

constexpr std::uint32_t BlockShb = 0x0a0d0d0a;
constexpr std::uint32_t BlockIdb = 1;
constexpr std::uint32_t BlockIsb = 5;
constexpr std::uint32_t BlockEpb = 6;
constexpr std::size_t EpbHeadLength = 28;  // block type and length through the original length
constexpr std::string_view kRebuiltIpv6Comment =
    "RcvMon: IPv6 header reconstructed (the Windows raw socket delivered the payload only)";

constexpr std::size_t MaxOptionLength = 0xffff;  // an option's length is 16 bits

std::uint32_t padded(std::uint32_t n) { return (n + 3u) & ~3u; }

void appendOption(std::vector<std::uint8_t>& out, std::uint16_t code, const void* value, std::size_t length)
{
    file_bytes::append16(out, code);
    file_bytes::append16(out, static_cast<std::uint16_t>(length));
    const auto* bytes = static_cast<const std::uint8_t*>(value);
    out.insert(out.end(), bytes, bytes + length);
    while (out.size() % 4 != 0) out.push_back(0);
}

// Patches the block's total length at offset 4 and appends the trailing copy.
void finishBlock(std::vector<std::uint8_t>& block)
{
    const auto length = static_cast<std::uint32_t>(block.size() + 4);
    file_bytes::store32(block.data() + 4, length);
    file_bytes::append32(block, length);
}

std::uint32_t epbFlags(Direction direction)
{
    switch (direction) {
    case Direction::Incoming: return 1;
    case Direction::Outgoing: return 2;
    case Direction::OtherHost: return 1 | 4u << 2;  // inbound, reception type "promiscuous"
    case Direction::Unknown: break;
    }
    return 0;
}

}  // namespace

bool PcapngWriter::open(const std::string& path, std::string& error, OutputFile::Placement placement)
{
    m_path = path == "-" ? "standard output" : "\"" + path + "\"";
    if (!m_out.create(path, error, placement)) return false;
    m_block.clear();
    file_bytes::append32(m_block, BlockShb);
    file_bytes::append32(m_block, 0);
    file_bytes::append32(m_block, 0x1a2b3c4d);
    file_bytes::append16(m_block, 1);  // version 1.0
    file_bytes::append16(m_block, 0);
    file_bytes::append64(m_block, ~std::uint64_t{0});  // section length not given
    static constexpr char application[] = "RcvMon";
    appendOption(m_block, 4, application, sizeof application - 1);  // shb_userappl
    appendOption(m_block, 0, nullptr, 0);
    finishBlock(m_block);
    return m_out.append(m_block.data(), m_block.size(), error);
}

std::optional<std::uint32_t> PcapngWriter::addInterface(const InterfaceInfo& info, std::string& error)
{
    if (info.linkType > 0xffff) {
        error = "Cannot write " + m_path + ": link type " + std::to_string(info.linkType) + " does not fit pcapng.";
        return std::nullopt;
    }
    m_block.clear();
    file_bytes::append32(m_block, BlockIdb);
    file_bytes::append32(m_block, 0);
    file_bytes::append16(m_block, static_cast<std::uint16_t>(info.linkType));
    file_bytes::append16(m_block, 0);
    file_bytes::append32(m_block, info.snapLength);
    if (!info.name.empty()) appendOption(m_block, 2, info.name.data(), info.name.size());
    if (!info.description.empty()) appendOption(m_block, 3, info.description.data(), info.description.size());
    const std::uint8_t nanoseconds = 9;
    appendOption(m_block, 9, &nanoseconds, 1);
    appendOption(m_block, 0, nullptr, 0);
    finishBlock(m_block);
    if (!m_out.append(m_block.data(), m_block.size(), error)) return std::nullopt;
    m_linkTypes.push_back(info.linkType);
    return static_cast<std::uint32_t>(m_linkTypes.size() - 1);
}

bool PcapngWriter::write(const FrameRef& frame, std::uint32_t interfaceIndex, std::string& error)
{
    // The comments set for this write are for this write only, whatever happens to it.
    struct Forget {
        std::vector<std::string_view>& comments;
        ~Forget() { comments.clear(); }
    } forget{m_nextComments};
    if (interfaceIndex >= m_linkTypes.size()) {
        error = "Cannot write a packet to " + m_path + ": interface " + std::to_string(interfaceIndex)
                + " was never declared.";
        return false;
    }
    if (frame.linkType != m_linkTypes[interfaceIndex]) {
        error = "Cannot write a packet to " + m_path + ": its link type " + std::to_string(frame.linkType)
                + " differs from interface " + std::to_string(interfaceIndex) + "'s "
                + std::to_string(m_linkTypes[interfaceIndex]) + ".";
        return false;
    }
    if (frame.data.size() > MaxCapturedLength) {
        error = "Cannot write a packet of " + std::to_string(frame.data.size()) + " bytes to " + m_path
                + ": readers refuse packets above " + std::to_string(MaxCapturedLength) + " bytes.";
        return false;
    }
    if (frame.ts.sec < 0 || frame.ts.sec > 18'000'000'000LL) {
        error = "Cannot write a packet to " + m_path + ": its time stamp (" + std::to_string(frame.ts.sec)
                + " s) is outside what pcapng's nanosecond counter holds.";
        return false;
    }
    const auto captured = static_cast<std::uint32_t>(frame.data.size());
    const std::uint32_t padding = (4 - captured % 4) % 4;
    const std::uint32_t flags = epbFlags(frame.direction);
    // A rebuilt IPv6 header (Windows raw sockets) stays visible in other tools as a packet comment,
    // after the frame's own comments (read from its file or added by the user).
    const std::string_view rebuilt = (frame.flags & FrameFlag::Ipv6HeaderReconstructed) ? kRebuiltIpv6Comment : "";
    std::uint32_t commentLength = 0;
    const auto forEachComment = [&](auto visit) {
        for (std::string_view c : m_nextComments) visit(c.substr(0, MaxOptionLength));
        if (!rebuilt.empty()) visit(rebuilt);
    };
    forEachComment([&](std::string_view c) { commentLength += 4 + padded(static_cast<std::uint32_t>(c.size())); });
    const std::uint32_t optionsLength =
        (flags ? 8 : 0) + commentLength + (flags || commentLength ? 4 : 0);  // options + opt_endofopt
    const std::uint32_t total = 32 + captured + padding + optionsLength;
    const std::uint64_t ns = static_cast<std::uint64_t>(frame.ts.sec) * 1'000'000'000u + frame.ts.nsec;

    // Header fields, the frame, padding, options, trailing length: written straight into the
    // output buffer in one piece, or around the frame's own bytes when the output borrows them.
    const auto writeHead = [&](std::uint8_t* p) {
        file_bytes::store32(p, BlockEpb);
        file_bytes::store32(p + 4, total);
        file_bytes::store32(p + 8, interfaceIndex);
        file_bytes::store32(p + 12, static_cast<std::uint32_t>(ns >> 32));
        file_bytes::store32(p + 16, static_cast<std::uint32_t>(ns));
        file_bytes::store32(p + 20, captured);
        file_bytes::store32(p + 24, frame.originalLength);
        return p + EpbHeadLength;
    };
    const auto writeTail = [&](std::uint8_t* p) {
        for (std::uint32_t i = 0; i < padding; ++i) *p++ = 0;
        if (flags) {
            file_bytes::store32(p, 2u | 4u << 16);  // code 2, length 4
            file_bytes::store32(p + 4, flags);
            p += 8;
        }
        forEachComment([&](std::string_view c) {
            const auto n = static_cast<std::uint32_t>(c.size());
            file_bytes::store32(p, 1u | n << 16);  // opt_comment
            std::memcpy(p + 4, c.data(), n);
            std::memset(p + 4 + n, 0, padded(n) - n);
            p += 4 + padded(n);
        });
        if (optionsLength) {
            file_bytes::store32(p, 0);  // opt_endofopt
            p += 4;
        }
        file_bytes::store32(p, total);
        return p + 4;
    };

    if (!m_out.borrows(captured)) {
        std::uint8_t* p = m_out.appendSpace(total, error);
        if (!p) return false;
        p = writeHead(p);
        if (captured) std::memcpy(p, frame.data.data(), captured);
        writeTail(p + captured);
        return true;
    }
    std::array<std::uint8_t, EpbHeadLength> head;
    writeHead(head.data());
    m_block.resize(3 + optionsLength + 4);  // padding, options, length; reused, so no allocation once grown
    const std::uint8_t* tailEnd = writeTail(m_block.data());
    const auto tailLength = static_cast<std::size_t>(tailEnd - m_block.data());
    return m_out.reserveRecord(head.size() + tailLength, 1, error) && m_out.append(head.data(), head.size(), error) && m_out.appendFrameBytes(frame.data.data(), captured, error)
           && m_out.append(m_block.data(), tailLength, error);
}

bool PcapngWriter::commit(std::string& error) { return m_out.commit(error); }

// As dumpcap writes it at the end of a capture: its time stamp is the end time, in the
// interface's nanoseconds (if_tsresol=9), high word first.
bool PcapngWriter::writeStatistics(std::uint32_t interfaceIndex, const InterfaceStatistics& stats, std::string& error)
{
    if (interfaceIndex >= m_linkTypes.size()) {
        error = "Cannot write statistics to " + m_path + ": interface " + std::to_string(interfaceIndex) +
                " was never declared.";
        return false;
    }
    const auto nanoseconds = [](const Timestamp& t) {
        return t.sec < 0 ? 0 : static_cast<std::uint64_t>(t.sec) * 1'000'000'000u + t.nsec;
    };
    const auto appendTime = [&](std::vector<std::uint8_t>& out, std::uint64_t ns) {
        file_bytes::append32(out, static_cast<std::uint32_t>(ns >> 32));
        file_bytes::append32(out, static_cast<std::uint32_t>(ns));
    };
    m_block.clear();
    file_bytes::append32(m_block, BlockIsb);
    file_bytes::append32(m_block, 0);
    file_bytes::append32(m_block, interfaceIndex);
    appendTime(m_block, nanoseconds(stats.end));
    static constexpr char comment[] = "Counters provided by RcvMon";
    appendOption(m_block, 1, comment, sizeof comment - 1);
    std::vector<std::uint8_t> value;
    appendTime(value, nanoseconds(stats.start));
    appendOption(m_block, 2, value.data(), value.size());  // isb_starttime
    value.clear();
    appendTime(value, nanoseconds(stats.end));
    appendOption(m_block, 3, value.data(), value.size());  // isb_endtime
    value.clear();
    file_bytes::append64(value, stats.received);
    appendOption(m_block, 4, value.data(), value.size());  // isb_ifrecv
    value.clear();
    file_bytes::append64(value, stats.dropped);
    appendOption(m_block, 5, value.data(), value.size());  // isb_ifdrop
    appendOption(m_block, 0, nullptr, 0);
    finishBlock(m_block);
    return m_out.append(m_block.data(), m_block.size(), error);
}

}  // namespace rcvmon
