// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/capture_copy.h"

#include "file/capture_file_writer.h"

#include <map>
#include <memory>
#include <optional>

namespace rcvmon {

bool copyCapture(const std::string& from, const std::string& to, FileFormat format, std::uint64_t& packets,
                 std::string& error)
{
    packets = 0;
    std::unique_ptr<CaptureFileReader> reader = CaptureFileReader::open(from, error);
    if (!reader) return false;
    std::unique_ptr<CaptureFileWriter> writer = CaptureFileWriter::create(to, format, error);
    if (!writer) return false;
    std::map<std::uint32_t, std::uint32_t> declared;  // reader interface -> writer interface
    FrameRef frame;
    while (reader->next(frame)) {
        auto it = declared.find(frame.interfaceId);
        if (it == declared.end()) {
            InterfaceInfo info;
            if (frame.interfaceId < reader->interfaces().size()) info = reader->interfaces()[frame.interfaceId];
            info.linkType = frame.linkType;
            if (info.snapLength == 0) info.snapLength = MaxCapturedLength;
            const std::optional<std::uint32_t> index = writer->addInterface(info, error);
            if (!index) return false;  // the writer removes its temporary file
            it = declared.emplace(frame.interfaceId, *index).first;
        }
        if (!writer->write(frame, it->second, error)) return false;
        ++packets;
    }
    if (!reader->error().empty()) {
        error = reader->error();
        return false;
    }
    return writer->commit(error);
}

}  // namespace rcvmon
