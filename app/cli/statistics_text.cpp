// SPDX-License-Identifier: GPL-2.0-or-later
#include "statistics_text.h"

#include <cinttypes>
#include <cstdarg>
#include <cstdio>

namespace rcvmon::cli {
namespace {

constexpr const char* kTableRule = "================================================================================\n";
constexpr const char* kHierarchyRule = "===================================================================\n";

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void appendf(std::string& out, const char* format, ...)
{
    char buffer[512];
    va_list args;
    va_start(args, format);
    const int n = std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    if (n > 0) out.append(buffer, static_cast<std::size_t>(n) < sizeof buffer ? static_cast<std::size_t>(n) : sizeof buffer - 1);
}

std::string endText(const StatAddress& address, std::uint16_t port, bool withPort)
{
    std::string text = address.text();
    if (withPort) {
        text += ':';  // appended in two steps: GCC 12 misreads ":" + std::string as an overlapping copy (-Wrestrict)
        text += std::to_string(port);
    }
    return text;
}

}  // namespace

std::string formatByteSize(std::uint64_t bytes)
{
    static constexpr const char* kPrefixes[] = {" T", " G", " M", " k"};
    const std::uint64_t powers[] = {1000ull * 1000 * 1000 * 1000, 1000ull * 1000 * 1000, 1000ull * 1000, 1000ull};
    for (int i = 0; i < 4; ++i) {
        if (bytes / powers[i] >= 10) return std::to_string(bytes / powers[i]) + kPrefixes[i] + "B";
    }
    return std::to_string(bytes) + " bytes";
}

void appendConversationText(std::string& out, StatKind kind, const ConversationTable& table)
{
    const bool ports = statKindHasPorts(kind);
    const char* indent = ports ? "            " : "";
    out += kTableRule;
    appendf(out, "%.*s Conversations\n", static_cast<int>(statKindTitle(kind).size()), statKindTitle(kind).data());
    out += "Filter:<No Filter>\n";
    appendf(out, "%s                                               |       <-      | |       ->      | |     Total     |    Relative    |   Duration   |\n", indent);
    appendf(out, "%s                                               | Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |\n", indent);
    const auto rows = table.conversations();
    for (std::size_t i : table.tsharkOrder()) {
        const Conversation& c = rows[i];
        const std::string a = endText(c.addressA, c.portA, ports);
        const std::string b = endText(c.addressB, c.portB, ports);
        // "<-" is B to A (tshark's rx), "->" is A to B (tx).
        appendf(out, ports ? "%-26s <-> %-26s" : "%-20s <-> %-20s", a.c_str(), b.c_str());
        appendf(out, "  %6" PRIu64 " %-9s  %6" PRIu64 " %-9s  %6" PRIu64 " %-9s  ", c.bToA.frames,
                formatByteSize(c.bToA.bytes).c_str(), c.aToB.frames, formatByteSize(c.aToB.bytes).c_str(), c.frames(),
                formatByteSize(c.bytes()).c_str());
        appendf(out, "%14.9f   %12.4f\n", c.start.seconds(), c.stop.seconds() - c.start.seconds());
    }
    out += kTableRule;
}

void appendEndpointText(std::string& out, StatKind kind, const EndpointTable& table)
{
    const bool ports = statKindHasPorts(kind);
    out += kTableRule;
    appendf(out, "%.*s Endpoints\n", static_cast<int>(statKindTitle(kind).size()), statKindTitle(kind).data());
    out += "Filter:<No Filter>\n";
    out += ports ? "                       |  Port  ||  Packets  | |  Bytes  | | Tx Packets | | Tx Bytes | | Rx Packets | | Rx Bytes |\n"
                 : "                       |  Packets  | |  Bytes  | | Tx Packets | | Tx Bytes | | Rx Packets | | Rx Bytes |\n";
    const auto rows = table.endpoints();
    for (std::size_t i : table.tsharkOrder()) {
        const Endpoint& e = rows[i];
        appendf(out, "%-20s      ", e.address.text().c_str());
        if (ports) appendf(out, "%5u     ", static_cast<unsigned>(e.port));
        appendf(out, "%6" PRIu64 "     %9" PRIu64 "     %6" PRIu64 "       %9" PRIu64 "      %6" PRIu64 "       %9" PRIu64 "   \n",
                e.frames(), e.bytes(), e.tx.frames, e.tx.bytes, e.rx.frames, e.rx.bytes);
    }
    out += kTableRule;
}

void appendHierarchyText(std::string& out, const ProtocolHierarchy& hierarchy)
{
    out += "\n";
    out += kHierarchyRule;
    out += "Protocol Hierarchy Statistics\n";
    out += "Filter: \n\n";
    const auto nodes = hierarchy.nodes();
    for (std::uint32_t index : hierarchy.preorder()) {
        const ProtocolNode& n = nodes[index];
        // tshark indents two spaces a level, writes "..." past 16 levels, and cuts at 79 characters.
        std::string label;
        for (std::uint32_t i = 0; i < n.depth; ++i) {
            if (i > 15) {
                label += "...";
                break;
            }
            label += "  ";
        }
        label += n.name;
        if (label.size() > 79) label.resize(79);
        appendf(out, "%-40s frames:%" PRIu64 " bytes:%" PRIu64 "\n", label.c_str(), n.frames, n.bytes);
    }
    out += kHierarchyRule;
}

}  // namespace rcvmon::cli
