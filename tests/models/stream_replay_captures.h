// SPDX-License-Identifier: GPL-2.0-or-later
// Captures for the packet list's stream-replay tests (tst_in_order_rows, tst_packet_table_view):
// frames written as a classic pcap, and TCP streams whose last segments come again at the end,
// so each of those rows needs its whole stream replayed to read "[TCP Retransmission]".
#pragma once

#include "packet_builder.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdint>
#include <vector>

namespace rcvmon::test {

// `frames` (Ethernet) as a microsecond pcap, 1.5 ms apart.
inline bool writePcap(const QString& path, const std::vector<Bytes>& frames)
{
    const auto le32 = [](QByteArray& b, std::uint32_t v) {
        for (int shift = 0; shift < 32; shift += 8) b.append(char(v >> shift));
    };
    QByteArray file = QByteArray::fromHex("d4c3b2a1020004000000000000000000ffff000001000000");
    std::uint32_t usec = 0;
    for (const Bytes& f : frames) {
        le32(file, 1700000000);
        le32(file, usec += 1500);
        le32(file, std::uint32_t(f.size()));
        le32(file, std::uint32_t(f.size()));
        file.append(reinterpret_cast<const char*>(f.data()), qsizetype(f.size()));
    }
    QFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(file) == file.size();
}

// `streams` TCP streams of `segments` 100-byte segments each, interleaved, then each stream's
// last segment again: a retransmission that only its stream's replay can tell.
inline std::vector<Bytes> streamsWithRetransmittedEnds(std::uint32_t streams, std::uint32_t segments)
{
    std::vector<Bytes> frames, last(streams);
    const Bytes payload(100, 0x41);
    for (std::uint32_t i = 0; i < segments; ++i) {
        for (std::uint32_t s = 0; s < streams; ++s) {
            const auto port = static_cast<std::uint16_t>(40000 + s);
            last[s] = ethernet(0x0800, ipv4(6, tcp(port, 5001, 1000 + i * 100, 7000, 0x018, payload)));
            frames.push_back(last[s]);
        }
    }
    for (const Bytes& f : last) frames.push_back(f);
    return frames;
}

}  // namespace rcvmon::test
