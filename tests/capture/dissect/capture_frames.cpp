// SPDX-License-Identifier: GPL-2.0-or-later
#include "capture_frames.h"

#include <pcap/pcap.h>

#include <cstring>
#include <fstream>
#include <iterator>

namespace rcvmon::testing {
namespace {

void fixPointers(std::vector<LoadedFrame>& frames)
{
    for (LoadedFrame& f : frames) f.ref.data = ByteSpan(f.bytes);
}

bool loadWithLibpcap(const std::string& path, std::vector<LoadedFrame>& frames, std::string& error)
{
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t* p = pcap_open_offline_with_tstamp_precision(path.c_str(), PCAP_TSTAMP_PRECISION_NANO, errbuf);
    if (!p) {
        error = errbuf;
        return false;
    }
    const auto linkType = static_cast<std::uint32_t>(pcap_datalink(p));
    pcap_pkthdr* hdr = nullptr;
    const u_char* data = nullptr;
    int rc = 0;
    while ((rc = pcap_next_ex(p, &hdr, &data)) == 1) {
        LoadedFrame f;
        f.bytes.assign(data, data + hdr->caplen);
        f.ref.ts.sec = hdr->ts.tv_sec;
        // Out-of-range fractions are kept as the file stored them (tshark prints them so).
        f.ref.ts.nsec = static_cast<std::uint32_t>(hdr->ts.tv_usec);
        f.ref.capturedLength = hdr->caplen;
        f.ref.originalLength = hdr->len;
        f.ref.linkType = linkType;
        frames.push_back(std::move(f));
    }
    if (rc == -1) error = pcap_geterr(p);
    pcap_close(p);
    fixPointers(frames);
    return rc == -2;
}

struct Interface {
    std::uint32_t linkType = 0;
    std::uint64_t unitsPerSecond = 1000000;
};

bool walkPcapng(const std::string& path, std::vector<LoadedFrame>& frames, std::string& error)
{
    std::ifstream in(path, std::ios::binary);
    const std::vector<std::uint8_t> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bool big = false;
    std::vector<Interface> ifaces;
    const auto u16 = [&](std::size_t at) -> std::uint32_t {
        return big ? (file[at] << 8) | file[at + 1] : file[at] | (file[at + 1] << 8);
    };
    const auto u32 = [&](std::size_t at) -> std::uint32_t {
        return big ? (std::uint32_t{file[at]} << 24) | (file[at + 1] << 16) | (file[at + 2] << 8) | file[at + 3]
                   : file[at] | (file[at + 1] << 8) | (file[at + 2] << 16) | (std::uint32_t{file[at + 3]} << 24);
    };
    std::size_t pos = 0;
    while (pos + 12 <= file.size()) {
        if (file[pos] == 0x0a && file[pos + 1] == 0x0d && file[pos + 2] == 0x0d && file[pos + 3] == 0x0a) {
            big = file[pos + 8] == 0x1a;  // byte-order magic 0x1a2b3c4d as stored
            ifaces.clear();
        }
        const std::uint32_t type = u32(pos), len = u32(pos + 4);
        if (len < 12 || pos + len > file.size()) {
            error = "pcapng block overruns the file";
            return false;
        }
        if (type == 1 && len >= 20) {
            Interface iface;
            iface.linkType = u16(pos + 8);
            for (std::size_t o = pos + 16; o + 4 <= pos + len - 4;) {
                const std::uint32_t code = u16(o), olen = u16(o + 2);
                if (code == 0) break;
                if (code == 9 && olen >= 1) {
                    const std::uint8_t r = file[o + 4];
                    std::uint64_t units = 1;
                    for (unsigned i = 0; i < (r & 0x7fu); ++i) units *= (r & 0x80) ? 2 : 10;
                    iface.unitsPerSecond = units;
                }
                o += 4 + ((olen + 3u) & ~3u);
            }
            ifaces.push_back(iface);
        } else if (type == 6 && len >= 32) {
            const std::uint32_t id = u32(pos + 8);
            const std::uint64_t ts = (std::uint64_t{u32(pos + 12)} << 32) | u32(pos + 16);
            const std::uint32_t caplen = u32(pos + 20), origlen = u32(pos + 24);
            if (id >= ifaces.size() || 28 + std::size_t{caplen} > len) {
                error = "bad enhanced packet block";
                return false;
            }
            LoadedFrame f;
            f.bytes.assign(file.begin() + static_cast<std::ptrdiff_t>(pos + 28),
                           file.begin() + static_cast<std::ptrdiff_t>(pos + 28 + caplen));
            const std::uint64_t units = ifaces[id].unitsPerSecond;
            f.ref.ts.sec = static_cast<std::int64_t>(ts / units);
            f.ref.ts.nsec = static_cast<std::uint32_t>((ts % units) * 1000000000ull / units);
            f.ref.capturedLength = caplen;
            f.ref.originalLength = origlen;
            f.ref.linkType = ifaces[id].linkType;
            f.ref.interfaceId = id;
            frames.push_back(std::move(f));
        }
        pos += len;
    }
    fixPointers(frames);
    return true;
}

}  // namespace

bool loadFrames(const std::string& path, std::vector<LoadedFrame>& frames, std::string& error, std::string* how)
{
    frames.clear();
    if (loadWithLibpcap(path, frames, error)) {
        if (how) *how = "libpcap";
        return true;
    }
    const std::string libpcapError = error;
    frames.clear();
    error.clear();
    if (walkPcapng(path, frames, error)) {
        if (how) *how = "pcapng-walker (libpcap: " + libpcapError + ")";
        return true;
    }
    error = "libpcap: " + libpcapError + "; pcapng walker: " + error;
    return false;
}

}  // namespace rcvmon::testing
