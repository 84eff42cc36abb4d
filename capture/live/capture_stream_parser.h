// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rcvmon {

// A pcap or pcapng capture arriving in pieces (a pipe from ssh): bytes go in as they are
// read, whole records come out. Only what a capturing program writes is understood: pcap
// (µs or ns, either byte order); pcapng sections, interfaces (if_name, if_tsresol), EPB, SPB
// and interface statistics (isb_ifrecv, isb_ifdrop); other blocks are skipped. The buffer
// grows to the largest record seen and is then reused: no allocation per frame.
class CaptureStreamParser {
public:
    enum class Status : std::uint8_t { NeedMore, Frame, Malformed };

    struct Interface {
        std::uint32_t linkType = 0;
        std::string name;
        std::uint64_t unitsPerSecond = 1'000'000;
        std::optional<std::uint64_t> received;  // latest isb_ifrecv
        std::optional<std::uint64_t> dropped;   // latest isb_ifdrop
    };

    // Appends bytes read from the stream.
    void feed(const std::uint8_t* bytes, std::size_t length);
    // The next frame, valid until the next call to feed() or next(). Malformed: the stream
    // cannot be read on (error() says where); the caller stops.
    Status next(FrameRef& frame);

    // Reads up to the first interface description without taking any frame; true once it is
    // there (pcap: the file header; pcapng: the section and first interface blocks).
    bool readHeader();
    // True once the file header (pcap) or the first interface (pcapng) has arrived.
    bool headerSeen() const { return !m_interfaces.empty(); }
    bool isPcapNg() const { return m_pcapng; }
    const std::vector<Interface>& interfaces() const { return m_interfaces; }
    const std::string& error() const { return m_error; }
    // Bytes fed but not yet parsed into a record (a cut stream ends with some).
    std::size_t pendingBytes() const { return m_end - m_begin; }

private:
    Status malformed(std::string message);
    Status startStream();
    Status parsePcapHeader();
    Status parsePcapRecord(FrameRef& frame);
    Status parsePcapNgBlock(FrameRef& frame, bool& produced);
    void parseInterfaceBlock(const std::uint8_t* body, std::size_t length);
    void parseStatisticsBlock(const std::uint8_t* body, std::size_t length);
    Timestamp timestampOf(std::uint32_t interfaceId, std::uint64_t units) const;

    std::vector<std::uint8_t> m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    bool m_started = false;
    bool m_pcapng = false;
    bool m_bigEndian = false;
    bool m_nanoseconds = false;  // pcap
    std::uint32_t m_sectionFirstInterface = 0;  // pcapng ids count from the section's first IDB
    std::vector<Interface> m_interfaces;
    std::string m_error;
};

}  // namespace rcvmon
