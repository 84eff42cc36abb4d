// SPDX-License-Identifier: GPL-2.0-or-later
#include "stats/protocol_path.h"

#include "core/link_type.h"
#include "dissect/dissection.h"
#include "stats/layer_fields.h"

namespace rcvmon {
namespace {

// Headers Wireshark puts inside the ICMP tree when it dissects the packet an error quotes.
bool nestedInIcmp(std::string_view name)
{
    return name == "ip" || name == "ipv6" || name == "tcp" || name == "udp" || name == "sctp" || name == "gre" ||
           name == "ah" || name == "icmp" || name == "icmpv6" || name == "data";
}

}  // namespace

void ProtocolPath::collect(const FrameRef& frame, const Dissection& d, const LayerFields& fields)
{
    m_count = 0;
    const auto layers = d.layers();
    const std::size_t count = fields.layerCount();
    // LINKTYPE_RAW goes through Wireshark's "raw" dissector; LINKTYPE_IPV4/IPV6 straight to IP.
    const bool rawLink = frame.linkType == link_type::Raw || frame.linkType == link_type::RawLegacy12 ||
                         frame.linkType == link_type::RawLegacy14;
    if (rawLink && count > 1 && (layers[1].filterName == "ip" || layers[1].filterName == "ipv6")) push("raw");

    std::uint16_t endLayer = 0;
    const ParseStatus ended = d.exception(&endLayer);
    bool inIcmp = false;
    for (std::size_t i = 0; i < count; ++i) {
        const LayerRecord& layer = layers[i];
        const std::string_view name = layer.filterName;
        const bool last = i + 1 == count;
        // A fragment that completes no datagram: Wireshark shows its payload as data.
        const bool unfinishedFragment = last && fields[i].fragment && !inIcmp;
        if (name == "frame") continue;
        if (name.starts_with("ipv6.")) {
            if (unfinishedFragment && name == "ipv6.fraghdr") push("data");
            continue;
        }
        if (inIcmp && nestedInIcmp(name)) continue;
        // The TLS messages of QUIC's CRYPTO frames sit inside the QUIC tree, not beside it.
        if (name == "tls" && i > 0 && layers[i - 1].filterName == "quic") continue;
        // A dissector that failed before reading anything added no item to the tree.
        if (layer.inTree && !layer.nested && (layer.status == ParseStatus::Ok || fields[i].fieldCount > 0)) {
            // Wireshark's MPLS adds one item per label stack entry.
            const std::uint32_t repeat = name == "mpls" && fields[i].mplsLabels > 1 ? fields[i].mplsLabels : 1;
            for (std::uint32_t r = 0; r < repeat; ++r) push(name);
        }
        // The exception that ended Wireshark's dissection (Dissection::exception).
        if (i == endLayer && ended != ParseStatus::Ok) {
            push(ended == ParseStatus::Truncated ? "_ws.short" : "_ws.malformed");
            return;
        }
        if (name == "icmp" || name == "icmpv6") inIcmp = true;
        if (unfinishedFragment && name == "ip") push("data");
    }
}

}  // namespace rcvmon
