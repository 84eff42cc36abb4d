// SPDX-License-Identifier: GPL-2.0-or-later
#include "read_command.h"

#include "frame_exporter.h"
#include "frame_selection.h"
#include "output_buffer.h"
#include "packet_printer.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "file/capture_file_reader.h"

#include <cstdio>
#include <memory>
#include <optional>

namespace rcvmon::cli {
namespace {

int fail(const std::string& message)
{
    std::fprintf(stderr, "rcvmon-cli: %s\n", message.c_str());
    return 1;
}

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
    std::unique_ptr<FrameExporter> exporter;
    if (writing) {
        // Each input interface keeps its name and snap length in the export.
        auto describe = [&reader](std::uint32_t id) {
            const auto& inputs = reader->interfaces();
            return id < inputs.size() ? inputs[id] : InterfaceInfo{};
        };
        exporter = FrameExporter::create(o, describe, error);
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
