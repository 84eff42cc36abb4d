// SPDX-License-Identifier: GPL-2.0-or-later
#include "read_command.h"

#include "frame_exporter.h"
#include "frame_selection.h"
#include "output_buffer.h"
#include "packet_printer.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "file/capture_file_reader.h"
#include "file/interface_names.h"
#include "filter/display_filter.h"
#include "filter/packet_matcher.h"

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
    std::string error;
    std::optional<DisplayFilter> filter;
    if (!o.displayFilter.empty()) {
        FilterError filterError;
        filter = DisplayFilter::compile(o.displayFilter, filterError);
        if (!filter) {
            std::fprintf(stderr, "rcvmon-cli: invalid display filter %s\n", filterError.describe(o.displayFilter).c_str());
            return 2;
        }
        if (filter->matchesEverything()) filter.reset();
    }
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
    // One pass in file order, no frame kept beyond the one read ahead.
    reader->copySequentialReads();

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

    // Reassembly needs every frame in order, selected or not; plain export needs no dissection,
    // and a filter the quick header pass decides dissects only the frames it cannot.
    Dissector dissector(Dissector::Options{.reassemble = o.reassemble});
    dissector.setInterfaceNames(rcvmon::interfaceNamesOf(*reader));
    dissector.setFrameComments([&reader](std::uint64_t, std::vector<std::string_view>& out) { reader->frameComments(out); });
    std::vector<std::string_view> comments;  // the frame's, for the export; reused
    Dissection dissection;
    std::optional<SequentialMatcher> matcher;
    if (filter) matcher.emplace(*filter, dissector, dissection, printer != nullptr);
    if (printer) printer->begin();
    // A mapped pcap is read one frame ahead, so the memory the next frame's conversation lookup
    // reads loads while this one is dissected (pcapng is not: its comments are those of the
    // frame read last; nor with --select, which stops reading early).
    const bool readAhead = printer && !selection && reader->randomAccess() && reader->format() == FileFormat::Pcap;
    FrameRef frame, ahead;
    bool haveAhead = readAhead && reader->next(ahead);
    std::uint64_t number = 0;
    for (;;) {
        if (readAhead) {
            if (!haveAhead) break;
            frame = ahead;
            haveAhead = reader->next(ahead);
            if (haveAhead) dissector.prefetch(ahead);
        } else if (!reader->next(frame)) {
            break;
        }
        ++number;
        // --select and -Y must both hold; the filter still sees every frame, in order.
        bool passes = !selection || selection->contains(number);
        bool dissected = false;
        if (matcher) {
            passes = matcher->matches(frame, number) && passes;
            dissected = matcher->dissected();
        }
        if (printer) {
            if (!dissected) dissector.dissect(frame, number, dissection);
            if (passes) printer->print(frame, number, dissection);
        }
        if (exporter && passes) {
            reader->frameComments(comments);
            exporter->setNextComments(comments);
            if (!exporter->write(frame, error)) return fail(error);
        }
        // Later frames cannot change earlier ones, even with reassembly: stop reading.
        if (selection && selection->exhaustedAfter(number)) break;
    }
    if (printer) printer->end();
    const bool outputOk = out.flush();
    // A truncated file still gives every packet before the cut; the error comes after them.
    // A torn tail is only a warning to the reader, but like tshark the exit status says so.
    const std::string readError = reader->error().empty() ? reader->warning() : reader->error();
    if (exporter && !exporter->commit(error)) return fail(error);
    if (!readError.empty()) return fail(readError);
    if (!outputOk) return fail("could not write to standard output");
    return 0;
}

}  // namespace rcvmon::cli
