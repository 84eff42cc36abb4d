// SPDX-License-Identifier: GPL-2.0-or-later
#include "statistics_command.h"

#include "expert_taps.h"
#include "follow_taps.h"
#include "io_stat_taps.h"
#include "output_buffer.h"
#include "packet_printer.h"
#include "statistic_request.h"
#include "statistics_text.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "file/capture_file_reader.h"
#include "filter/display_filter.h"
#include "stats/traffic_statistics.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

namespace rcvmon::cli {
namespace {

int usageError(const std::string& message)
{
    std::fprintf(stderr, "rcvmon-cli: %s\n", message.c_str());
    return 2;
}

int fail(const std::string& message)
{
    std::fprintf(stderr, "rcvmon-cli: %s\n", message.c_str());
    return 1;
}

void appendTable(std::string& out, const StatisticRequest& r, const TrafficStatistics& stats,
                 const FollowTaps& follows, const ExpertTaps& experts, const IoStatTaps& ioStats, std::size_t index)
{
    switch (r.table) {
    case StatisticRequest::Table::IoStat: ioStats.appendReport(index, out); break;
    case StatisticRequest::Table::Expert: experts.appendReport(index, out); break;
    case StatisticRequest::Table::Follow: follows.appendReport(index, out); break;
    case StatisticRequest::Table::Conversations: appendConversationText(out, r.kind, stats.conversations(r.kind)); break;
    case StatisticRequest::Table::Endpoints: appendEndpointText(out, r.kind, stats.endpoints(r.kind)); break;
    case StatisticRequest::Table::ProtocolHierarchy: appendHierarchyText(out, stats.hierarchy()); break;
    }
}

}  // namespace

// As tshark: without -q the packets are printed first (in the -T format), then the tables,
// the last -z first (tshark's tap listeners draw in reverse order of registration). As in
// tshark's single pass, -Y chooses the packets printed; the tables count every frame.
int runStatisticsCommand(const CliOptions& o)
{
    std::vector<StatisticRequest> requests;
    FollowTaps follows;
    ExpertTaps experts;
    IoStatTaps ioStats;
    for (const std::string& spec : o.statistics) {
        std::string error;
        auto request = parseStatisticRequest(spec, error);
        if (!request) return usageError(error);
        if (request->table == StatisticRequest::Table::Follow && !follows.add(requests.size(), request->follow, error))
            return usageError(error);
        if (request->table == StatisticRequest::Table::Expert && !experts.add(requests.size(), request->expert, error))
            return usageError(error);
        if (request->table == StatisticRequest::Table::IoStat && !ioStats.add(requests.size(), spec, error))
            return usageError(error);
        requests.push_back(*request);
    }
    std::optional<DisplayFilter> filter;
    if (!o.displayFilter.empty()) {
        FilterError filterError;
        filter = DisplayFilter::compile(o.displayFilter, filterError);
        if (!filter) return usageError("invalid display filter " + filterError.describe(o.displayFilter));
        ioStats.primeWith(*filter);
    }
    if (!o.selection.empty()) return usageError("--select cannot be combined with -z: the tables count every frame");
    if (!o.writeFile.empty()) return usageError("-w cannot be combined with -z; export and count in two runs");

    std::string error;
    auto reader = CaptureFileReader::open(o.readFile, error);
    if (!reader) return fail(error);
    reader->copySequentialReads();  // one pass in file order; the taps copy what they keep

    OutputBuffer out(stdout);
    std::unique_ptr<PacketPrinter> printer;
    if (!o.quiet) {
        printer = makePacketPrinter(o, out, error);
        if (!printer) return usageError(error);
        printer->begin();
    }

    Dissector dissector(Dissector::Options{.reassemble = o.reassemble});
    // Packet comments are fields (frame.comment) and Comment expert items, as in tshark.
    dissector.setFrameComments([&reader](std::uint64_t, std::vector<std::string_view>& out) { reader->frameComments(out); });
    Dissection dissection;
    follows.attach(dissection);
    TrafficStatistics stats;
    FrameRef frame;
    std::uint64_t number = 0;
    while (reader->next(frame)) {
        follows.beginFrame();
        dissector.dissect(frame, ++number, dissection);
        stats.add(frame, dissection);
        follows.endFrame(dissection, frame, number);
        experts.endFrame(dissection, frame.data, number);
        ioStats.endFrame(dissection, frame, number);
        if (printer && (!filter || filter->matches(dissection, frame.data))) printer->print(frame, number, dissection);
    }
    if (printer) printer->end();

    for (std::size_t i = requests.size(); i-- > 0;) {
        appendTable(out.text(), requests[i], stats, follows, experts, ioStats, i);
        out.maybeFlush();
    }
    const bool outputOk = out.flush();
    const std::string readError = reader->error().empty() ? reader->warning() : reader->error();
    if (!readError.empty()) return fail(readError);
    if (!outputOk) return fail("could not write to standard output");
    return 0;
}

}  // namespace rcvmon::cli
