// SPDX-License-Identifier: GPL-2.0-or-later
#include "capture_file_fuzz_input.h"

#include "dissector_fuzz_input.h"

#include "dissect/dissector.h"
#include "dissect/quick_classify.h"
#include "file/file_backed_store.h"
#include "file/file_bytes.h"
#include "store/packet_store.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace rcvmon::fuzz {

namespace {

// Enough for every frame of a 64 KiB input while bounding a pathological one.
constexpr std::size_t MaxFrames = 200000;
// Arbitrary offsets tried on readAt(): a spread over the file, and the bytes around the
// first records (a block's fields misread as another block's header).
constexpr std::size_t SpreadProbes = 128;
constexpr std::size_t NearProbeFrames = 32;
// Frames dissected in file order, as rcvmon-cli -r does: the file's own timestamps (any
// value pcapng's resolution and offset can make) reach the dissector's time fields and
// TCP analysis, which the dissector's own fuzz input never varies.
constexpr std::size_t DissectedFrames = 32;

[[noreturn]] void broken(const char* what, std::uint64_t detail = 0)
{
    std::fprintf(stderr, "capture file fuzz invariant broken: %s (%llu)\n", what,
                 static_cast<unsigned long long>(detail));
    std::abort();
}

void check(bool ok, const char* what, std::uint64_t detail = 0)
{
    if (!ok) broken(what, detail);
}

bool formatOf(const std::uint8_t* data, std::size_t size, FileFormat& format)
{
    if (size < 4) return false;
    const std::uint32_t le = file_bytes::load32(data, false);
    const std::uint32_t be = file_bytes::load32(data, true);
    for (const std::uint32_t magic : {0xa1b2c3d4u, 0xa1b23c4du, 0xa1b2cd34u}) {
        if (le == magic || be == magic) {
            format = FileFormat::Pcap;
            return true;
        }
    }
    if (le == 0x0a0d0d0a) {
        format = FileFormat::PcapNg;
        return true;
    }
    return false;
}

// The input as a regular file that lives only in memory (mapped like any file).
int memoryFile(const std::uint8_t* data, std::size_t size)
{
    const int fd = memfd_create("rcvmon-fuzz", MFD_CLOEXEC);
    check(fd >= 0, "memfd_create failed");
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size - done);
        check(n > 0, "writing the memory file failed");
        done += static_cast<std::size_t>(n);
    }
    return fd;
}

// What next() gave for one frame, kept to compare random access and streaming with.
struct Seen {
    std::uint64_t offset;
    FrameRef frame;
    std::vector<std::uint8_t> bytes;
    std::vector<std::string> comments;  // pcapng opt_comment
};

bool sameFrame(const FrameRef& a, const FrameRef& b)
{
    return a.ts.sec == b.ts.sec && a.ts.nsec == b.ts.nsec && a.capturedLength == b.capturedLength
           && a.originalLength == b.originalLength && a.linkType == b.linkType && a.interfaceId == b.interfaceId
           && a.direction == b.direction && a.data.size() == b.data.size();
}

bool sameBytes(ByteSpan data, const std::vector<std::uint8_t>& bytes)
{
    return data.size() == bytes.size() && (bytes.empty() || std::memcmp(data.data(), bytes.data(), bytes.size()) == 0);
}

// Where a record's frame bytes start: the fixed header of a pcap record or pcapng packet block.
std::uint64_t frameStart(ByteSpan file, std::uint64_t offset, FileFormat format)
{
    if (format == FileFormat::Pcap) return offset + (file_bytes::load32(file.data(), false) == 0xa1b2cd34u
                                                     || file_bytes::load32(file.data(), true) == 0xa1b2cd34u ? 24 : 16);
    const std::uint32_t le = file_bytes::load32(file.data() + offset, false);
    const std::uint32_t be = file_bytes::load32(file.data() + offset, true);
    return offset + (le == 3 || be == 3 ? 12 : 28);
}

// The frame's comments are views into the reader's bytes of its block, after the frame's
// bytes: where that places them in `file` (the same bytes, mapped apart) holds the same text,
// inside the file. Returned as strings to compare.
std::vector<std::string> commentsInside(const CaptureFileReader& reader, const FrameRef& frame, ByteSpan file,
                                        std::uint64_t offset, FileFormat format)
{
    std::vector<std::string_view> views;
    reader.frameComments(views);
    std::vector<std::string> out;
    const std::uint64_t start = frameStart(file, offset, format);
    for (const std::string_view c : views) {
        const auto* p = reinterpret_cast<const std::uint8_t*>(c.data());
        const auto* frameEnd = frame.data.data() + frame.data.size();
        check(c.empty() || p >= frameEnd, "a comment starts before its frame's bytes end", offset);
        if (!c.empty()) {
            const std::uint64_t at = start + static_cast<std::uint64_t>(p - frame.data.data());
            check(at <= file.size() && file.size() - at >= c.size(), "a comment lies outside the file", offset);
            check(std::memcmp(file.data() + at, c.data(), c.size()) == 0, "a comment is not the file's bytes", offset);
        }
        out.emplace_back(c);
    }
    return out;
}

// The frame's bytes are the file's, at their place in the record at offset: this also
// bounds them inside the file (ASan cannot see past a mapping's end).
void checkInside(const FrameRef& frame, ByteSpan file, std::uint64_t offset, FileFormat format)
{
    check(frame.data.size() == frame.capturedLength, "captured length differs from the bytes given");
    check(offset + 12 <= file.size(), "a frame at an offset too close to the end", offset);
    const std::uint64_t start = frameStart(file, offset, format);
    check(start <= file.size() && file.size() - start >= frame.data.size(), "frame bytes run past the file", offset);
    check(frame.data.empty() || std::memcmp(frame.data.data(), file.data() + start, frame.data.size()) == 0,
          "frame bytes are not the file's", offset);
}

// Reads the mapped file in order into a file-backed store; returns every frame seen.
std::vector<Seen> readMapped(CaptureFileReader& reader, ByteSpan file, FileFormat format, std::string& error,
                             std::string& warning)
{
    PacketStoreOptions options;
    options.memoryBound = 1u << 20;  // small: large inputs exercise eviction too
    const std::unique_ptr<PacketStore> store = makeFileBackedStore(reader, options);
    std::vector<Seen> seen;
    Dissector dissector;
    dissector.setFrameComments([&reader](std::uint64_t, std::vector<std::string_view>& out) { reader.frameComments(out); });
    Dissection dissection;
    FrameRef frame;
    while (seen.size() < MaxFrames && reader.next(frame)) {
        checkInside(frame, file, reader.lastFrameOffset(), format);
        check(frame.interfaceId < reader.interfaces().size(), "frame names an undeclared interface",
              frame.interfaceId);
        seen.push_back(Seen{reader.lastFrameOffset(), frame,
                            std::vector<std::uint8_t>(frame.data.begin(), frame.data.end()),
                            commentsInside(reader, frame, file, reader.lastFrameOffset(), format)});
        store->appendAt(reader.lastFrameOffset(), frame,
                        PacketTags{classifyFrame(frame.linkType, frame.data), CaptureMode::Off});
        if (seen.size() <= DissectedFrames) {
            dissector.dissect(frame, seen.size(), dissection);
            formatEverything(dissection, false);
        }
    }
    error = reader.error();
    warning = reader.warning();

    // Random access gives back exactly what file order gave, through the reader and the store.
    for (std::size_t i = 0; i < seen.size(); ++i) {
        FrameRef again;
        check(reader.readAt(seen[i].offset, again), "readAt refused an offset next() returned", seen[i].offset);
        check(sameFrame(again, seen[i].frame) && sameBytes(again.data, seen[i].bytes),
              "readAt differs from next()", seen[i].offset);
        check(commentsInside(reader, again, file, seen[i].offset, format) == seen[i].comments, "readAt's comments differ from next()'s",
              seen[i].offset);
        const std::uint64_t number = i + 1;
        if (!store->contains(number)) continue;  // evicted at the memory bound
        FrameRef stored;
        check(store->readFrame(number, stored), "the store cannot read back a retained frame", number);
        check(sameBytes(stored.data, seen[i].bytes) && stored.capturedLength == seen[i].frame.capturedLength
                  && stored.originalLength == seen[i].frame.originalLength,
              "the store's frame differs from next()", number);
    }
    // The index is the file's to damage: arbitrary offsets either fail with a reason or give
    // a frame that lies inside the file.
    const auto probe = [&](std::uint64_t offset) {
        FrameRef frame;
        if (reader.readAt(offset, frame)) {
            checkInside(frame, file, offset, format);
            commentsInside(reader, frame, file, offset, format);
        } else check(!reader.error().empty(), "readAt failed without saying why", offset);
    };
    const std::size_t step = file.size() / SpreadProbes + 1;
    for (std::uint64_t offset = 0; offset <= file.size() + 8; offset += step) probe(offset);
    for (std::size_t i = 0; i < seen.size() && i < NearProbeFrames; ++i) {
        for (const std::uint64_t delta : {1u, 4u, 8u, 12u, 16u, 24u, 28u}) {
            probe(seen[i].offset + delta);
            if (seen[i].offset >= delta) probe(seen[i].offset - delta);
        }
    }
    return seen;
}

// Streams the same bytes through a descriptor, as a pipe is read, and compares.
void checkStreamed(int memfd, const std::string& mappedOpenError, const std::vector<Seen>& seen,
                   const std::string& error, const std::string& warning)
{
    const std::string path = "/proc/self/fd/" + std::to_string(memfd);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    check(fd >= 0, "reopening the memory file failed");
    std::string openError;
    // Named as open() names the mapped file, so their messages compare equal.
    const std::unique_ptr<CaptureFileReader> reader =
        CaptureFileReader::openDescriptor(fd, true, "\"" + path + "\"", openError);
    if (!reader) {
        check(!mappedOpenError.empty(), "streaming refuses a file that mapping opens");
        return;
    }
    check(mappedOpenError.empty(), "streaming opens a file that mapping refuses");
    check(!reader->randomAccess(), "a stream claims random access");
    FrameRef frame;
    std::size_t n = 0;
    while (n < seen.size() && reader->next(frame)) {
        check(sameFrame(frame, seen[n].frame) && sameBytes(frame.data, seen[n].bytes),
              "streamed frame differs from mapped", n + 1);
        ++n;
    }
    check(n == seen.size(), "streaming read fewer frames than mapping", n);
    if (seen.size() == MaxFrames) return;
    check(!reader->next(frame), "streaming read more frames than mapping", n + 1);
    check(reader->error() == error, "streaming ends with another error than mapping");
    check(reader->warning() == warning, "streaming ends with another warning than mapping");
    FrameRef none;
    check(!reader->readAt(seen.empty() ? 0 : seen.front().offset, none) && !reader->error().empty(),
          "a stream read by offset");
}

}  // namespace

int runCaptureFileInput(const std::uint8_t* data, std::size_t size, FileFormat wanted)
{
    FileFormat format;
    if (!formatOf(data, size, format) || format != wanted) return -1;
    const int memfd = memoryFile(data, size);
    const std::string path = "/proc/self/fd/" + std::to_string(memfd);
    std::string openError;
    std::vector<Seen> seen;
    std::string error, warning;
    {
        const std::unique_ptr<CaptureFileReader> reader = CaptureFileReader::open(path, openError);
        if (reader) {
            check(openError.empty(), "an opened file left an error");
            check(reader->format() == wanted, "the reader reads another format than the magic says");
            check(reader->randomAccess(), "a regular file is not mapped");
            check(!reader->interfaces().empty() || wanted == FileFormat::PcapNg, "pcap without its interface");
            seen = readMapped(*reader, ByteSpan(data, size), wanted, error, warning);
        } else {
            check(!openError.empty(), "a refused file has no reason");
        }
    }
    checkStreamed(memfd, openError, seen, error, warning);
    ::close(memfd);
    return 0;
}

}  // namespace rcvmon::fuzz
