// SPDX-License-Identifier: GPL-2.0-or-later
#include "read_command.h"

#include "frame_selection.h"
#include "output_buffer.h"
#include "packet_printer.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "file/capture_file_reader.h"
#include "file/capture_file_writer.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <unordered_map>

namespace rcvmon::cli {
namespace {

int fail(const std::string& message)
{
    std::fprintf(stderr, "rcvmon-cli: %s\n", message.c_str());
    return 1;
}

// Copies frames into the -w file, declaring each input interface the first time it is used.
class Exporter {
public:
    static std::unique_ptr<Exporter> create(const CliOptions& o, const CaptureFileReader& reader, std::string& error)
    {
        const FileFormat format = o.writeFormat == WriteFormat::Pcap ? FileFormat::Pcap : FileFormat::PcapNg;
        auto writer = CaptureFileWriter::create(o.writeFile, format, error);
        if (!writer) return nullptr;
        return std::unique_ptr<Exporter>(new Exporter(std::move(writer), reader));
    }
    bool write(const FrameRef& frame, std::string& error)
    {
        auto it = m_outputInterface.find(frame.interfaceId);
        if (it == m_outputInterface.end()) {
            const auto& inputs = m_reader.interfaces();
            InterfaceInfo info = frame.interfaceId < inputs.size() ? inputs[frame.interfaceId] : InterfaceInfo{};
            info.linkType = frame.linkType;
            auto index = m_writer->addInterface(info, error);
            if (!index) return false;
            it = m_outputInterface.emplace(frame.interfaceId, *index).first;
        }
        return m_writer->write(frame, it->second, error);
    }
    bool commit(std::string& error) { return m_writer->commit(error); }

private:
    Exporter(std::unique_ptr<CaptureFileWriter> writer, const CaptureFileReader& reader)
        : m_writer(std::move(writer)), m_reader(reader)
    {
    }
    std::unique_ptr<CaptureFileWriter> m_writer;
    const CaptureFileReader& m_reader;
    std::unordered_map<std::uint32_t, std::uint32_t> m_outputInterface;
};

}  // namespace

int runReadCommand(const CliOptions& o)
{
    if (!o.displayFilter.empty())
        return fail("-Y (display filter) is not supported yet; use --select to choose frames by number");

    std::string error;
    std::optional<FrameSelection> selection;
    if (!o.selection.empty()) {
        selection = FrameSelection::parse(o.selection, error);
        if (!selection) {
            std::fprintf(stderr, "rcvmon-cli: %s\n", error.c_str());
            return 2;
        }
    }

    auto reader = CaptureFileReader::open(o.readFile, error);
    if (!reader) return fail(error);

    const bool writing = !o.writeFile.empty();
    const bool printing = !writing || o.output != OutputFormat::Summary;
    if (writing && o.writeFile == "-" && printing)
        return fail("-w - writes the capture to standard output, so it cannot be combined with -T");

    OutputBuffer out(stdout);
    std::unique_ptr<PacketPrinter> printer;
    if (printing) {
        printer = makePacketPrinter(o, out, error);
        if (!printer) {
            std::fprintf(stderr, "rcvmon-cli: %s\n", error.c_str());
            return 2;
        }
    }
    std::unique_ptr<Exporter> exporter;
    if (writing) {
        exporter = Exporter::create(o, *reader, error);
        if (!exporter) return fail(error);
    }

    // Reassembly needs every frame in order, selected or not; plain export needs no dissection.
    Dissector dissector(Dissector::Options{.reassemble = o.reassemble});
    Dissection dissection;
    if (printer) printer->begin();
    FrameRef frame;
    std::uint64_t number = 0;
    while (reader->next(frame)) {
        ++number;
        const bool selected = !selection || selection->contains(number);
        if (printer) {
            dissector.dissect(frame, number, dissection);
            if (selected) printer->print(frame, number, dissection);
        }
        if (exporter && selected && !exporter->write(frame, error)) return fail(error);
        // Later frames cannot change earlier ones, even with reassembly: stop reading.
        if (selection && selection->exhaustedAfter(number)) break;
    }
    if (printer) printer->end();
    const bool outputOk = out.flush();
    // A truncated file still gives every packet before the cut; the error comes after them.
    const std::string readError = reader->error();
    if (exporter && !exporter->commit(error)) return fail(error);
    if (!readError.empty()) return fail(readError);
    if (!outputOk) return fail("could not write to standard output");
    return 0;
}

}  // namespace rcvmon::cli
