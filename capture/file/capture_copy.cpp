// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/capture_copy.h"

#include "file/capture_file_writer.h"

#include <map>
#include <memory>
#include <optional>
#include <utility>

namespace rcvmon {

bool copyCapture(const std::string& from, const std::string& to, FileFormat format, std::uint64_t& packets,
                 std::string& error)
{
    return copyCaptures({from}, to, format, packets, error);
}

bool copyCaptures(const std::vector<std::string>& from, const std::string& to, FileFormat format,
                  std::uint64_t& packets, std::string& error)
{
    return copyCaptures(from, to, format, CopyComments(), packets, error);
}

bool copyCaptures(const std::vector<std::string>& from, const std::string& to, FileFormat format,
                  const CopyComments& comments, std::uint64_t& packets, std::string& error)
{
    packets = 0;
    std::vector<std::string_view> frameComments;
    std::vector<std::unique_ptr<CaptureFileReader>> readers;
    for (const std::string& path : from) {
        readers.push_back(CaptureFileReader::open(path, error));
        if (!readers.back()) return false;
    }
    std::unique_ptr<CaptureFileWriter> writer = CaptureFileWriter::create(to, format, error);
    if (!writer) return false;
    std::map<std::pair<std::string, std::uint32_t>, std::uint32_t> declared;  // (name, link type) -> writer interface
    for (const std::unique_ptr<CaptureFileReader>& reader : readers) {
        std::map<std::uint32_t, std::uint32_t> mapped;  // this file's interface -> writer interface
        FrameRef frame;
        while (reader->next(frame)) {
            auto it = mapped.find(frame.interfaceId);
            if (it == mapped.end()) {
                InterfaceInfo info;
                if (frame.interfaceId < reader->interfaces().size()) info = reader->interfaces()[frame.interfaceId];
                info.linkType = frame.linkType;
                if (info.snapLength == 0) info.snapLength = MaxCapturedLength;
                const auto key = std::make_pair(info.name, frame.linkType);
                auto same = declared.find(key);
                if (same == declared.end()) {
                    const std::optional<std::uint32_t> index = writer->addInterface(info, error);
                    if (!index) return false;  // the writer removes its temporary file
                    same = declared.emplace(key, *index).first;
                }
                it = mapped.emplace(frame.interfaceId, same->second).first;
            }
            // The file's comments are views on the reader's bytes: valid until its next read.
            if (!comments || !comments(packets, frameComments)) reader->frameComments(frameComments);
            writer->setNextComments(frameComments);
            if (!writer->write(frame, it->second, error)) return false;
            ++packets;
        }
        if (!reader->error().empty()) {
            error = reader->error();
            return false;
        }
    }
    return writer->commit(error);
}

}  // namespace rcvmon
