// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/capture_file_reader.h"

#include "file/file_bytes.h"
#include "file/file_input.h"
#include "file/mapped_file.h"
#include "file/pcap_reader.h"
#include "file/pcapng_reader.h"

#include <cstdio>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

namespace rcvmon {

CaptureFileReader::~CaptureFileReader() = default;

namespace {

bool isPcapMagic(std::uint32_t m)
{
    return m == 0xa1b2c3d4 || m == 0xa1b23c4d || m == 0xa1b2cd34;
}

// A hint for files people commonly mistake for captures.
std::string describeForeign(const std::uint8_t* p, std::size_t n)
{
    char hex[16];
    std::string bytes;
    for (std::size_t i = 0; i < n; ++i) {
        std::snprintf(hex, sizeof hex, "%s%02x", i ? " " : "", p[i]);
        bytes += hex;
    }
    std::string hint;
    if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) hint = "; it is gzip-compressed, decompress it first";
    else if (n >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd) hint = "; it is zstd-compressed, decompress it first";
    else if (n >= 4 && p[0] == 0x89 && p[1] == 'P' && p[2] == 'N' && p[3] == 'G') hint = "; it is a PNG image";
    return "it starts with bytes " + bytes + hint;
}

std::unique_ptr<CaptureFileReader> openInput(std::unique_ptr<FileInput> input, const std::string& name,
                                             std::string& error)
{
    const std::size_t got = input->fill(4);
    if (got == 0) {
        if (!input->ioError().empty()) error = "Reading " + name + " failed: " + input->ioError() + ".";
        else error = name + " is empty: it holds no capture data.";
        return nullptr;
    }
    if (got < 4) {
        error = name + " is too short (" + std::to_string(got) + " bytes) to be a pcap or pcapng capture file.";
        return nullptr;
    }
    const std::uint8_t* p = input->data();
    const std::uint32_t le = file_bytes::load32(p, false);
    const std::uint32_t be = file_bytes::load32(p, true);
    if (isPcapMagic(le) || isPcapMagic(be)) return PcapReader::create(std::move(input), name, error);
    if (le == 0x0a0d0d0a) return PcapngReader::create(std::move(input), name, error);
    error = name + " is not a pcap or pcapng capture file: " + describeForeign(p, got) + ".";
    return nullptr;
}

}  // namespace

std::unique_ptr<CaptureFileReader> CaptureFileReader::open(const std::string& path, std::string& error)
{
    if (path == "-") {
#ifdef _WIN32
        _setmode(_fileno(stdin), _O_BINARY);
#endif
        return openDescriptor(0, false, "standard input", error);
    }
    const std::string name = "\"" + path + "\"";
    MappedFile file;
    std::string why;
    if (!file.open(path, why)) {
        error = "Cannot open " + name + ": " + why + ".";
        return nullptr;
    }
    if (file.kind() == MappedFile::Kind::NotRegular) return openDescriptor(file.releaseDescriptor(), true, name, error);
    return openInput(std::make_unique<FileInput>(std::move(file)), name, error);
}

std::unique_ptr<CaptureFileReader> CaptureFileReader::openDescriptor(int fd, bool takeOwnership,
                                                                     const std::string& displayName,
                                                                     std::string& error)
{
    return openInput(std::make_unique<FileInput>(fd, takeOwnership), displayName, error);
}

}  // namespace rcvmon
