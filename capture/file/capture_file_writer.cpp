// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/capture_file_writer.h"

#include "file/pcap_writer.h"
#include "file/pcapng_writer.h"

namespace rcvmon {

CaptureFileWriter::~CaptureFileWriter() = default;

std::unique_ptr<CaptureFileWriter> CaptureFileWriter::create(const std::string& path, FileFormat format,
                                                             std::string& error, OutputFile::Placement placement)
{
    if (format == FileFormat::Pcap) {
        auto writer = std::make_unique<PcapWriter>();
        if (!writer->open(path, error, placement)) return nullptr;
        return writer;
    }
    auto writer = std::make_unique<PcapngWriter>();
    if (!writer->open(path, error, placement)) return nullptr;
    return writer;
}

}  // namespace rcvmon
