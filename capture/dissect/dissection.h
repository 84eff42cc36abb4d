// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/byte_reader.h"
#include "core/bytes.h"
#include "core/frame.h"
#include "dissect/field_registry.h"
#include "dissect/transport_tap.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {

// One protocol layer of a dissected frame, outermost first.
struct LayerRecord {
    std::string_view name;        // Wireshark's short protocol name ("IPv4", "TCP", "802.1Q Virtual LAN" is "VLAN")
    std::string_view filterName;  // Wireshark's filter prefix ("ip", "tcp", "vlan")
    std::uint32_t offset = 0;     // first byte of the layer: in the frame, or in the reassembled datagram
    std::uint32_t length = 0;     // bytes the layer covers (header and payload)
    ParseStatus status = ParseStatus::Ok;  // where the bytes ran out (Truncated) or a value was impossible
    bool reassembled = false;     // offset/length refer to a reassembled datagram, not the frame
    // Named in frame.protocols. Wireshark leaves out a few protocols that only add a tree
    // item (eap, mailslot, basicxid); they still count in filters and the protocol hierarchy.
    bool listed = true;
    // Wireshark added a protocol item to the tree, which filters and the protocol hierarchy
    // see; false when its dissector threw before adding one (frame.protocols still names it).
    bool inTree = true;
    // Its item sits inside another protocol's subtree (GSS-API in SMB2's): filters see it,
    // but Wireshark's protocol hierarchy counts only the tree's top-level protocol items.
    bool nested = false;
    // The problem ended the dissection as Wireshark's exception does (bytes ran out, a length
    // ran past its container); false for an impossible value Wireshark only reports as expert
    // info and dissects on (an IP version or header length).
    bool threw = false;
    // Dissected while the columns were not writable (the packet an ICMP error quotes): an
    // exception here leaves the Info column alone, as Wireshark's col_append_str then does.
    bool quoted = false;
    // fields() index where this layer's fields start: a field names a layer that exists, so
    // none of its fields comes before it (LayerView's lookups start here).
    std::uint32_t firstField = 0;
};

// One occurrence of a field. Numbers live in `number`; addresses, bytes and text are copied
// into the dissection's value arena so the record stays valid after the frame bytes are gone.
struct FieldRecord {
    FieldId id = 0;
    std::uint16_t layer = 0;      // index into layers()
    std::uint32_t offset = 0;     // position of the field's bytes (same space as its layer)
    std::uint32_t length = 0;
    std::uint64_t number = 0;     // numeric value; seconds for times
    std::uint32_t aux = 0;        // nanoseconds for times
    std::uint32_t valueOffset = 0;  // bytes/text in the value arena
    std::uint32_t valueLength = 0;
};

// The packet table's summary columns, as Wireshark fills them.
struct PacketSummary {
    std::string source, destination, protocol, info;
};

// What the Info column describes; chosen by the top-most layer allowed to write columns.
// Protocol: the registered protocol's own InfoWriter writes it.
enum class InfoKind : std::uint8_t {
    None, Raw, Ethernet, Llc, Arp, Ipv4, Ipv4Fragment, Ipv6, Ipv6Fragment, Udp, Icmp, Icmpv6,
    Igmp, Gre, App, Eapol, Sctp, Protocol,
};

class Dissection;

// Read access to the fields of one layer, for a protocol's Info text.
class LayerView {
public:
    LayerView(const Dissection& dissection, std::uint16_t layer) : m_dissection(dissection), m_layer(layer) {}

    const Dissection& dissection() const { return m_dissection; }
    std::uint16_t layer() const { return m_layer; }
    const FieldRecord* field(FieldId id) const;
    bool has(FieldId id) const { return field(id) != nullptr; }
    std::uint64_t number(FieldId id, std::uint64_t absent = 0) const;
    std::string_view text(FieldId id) const;
    // tshark's text of the field's first occurrence in this layer; nothing when absent.
    void appendValue(FieldId id, std::string& out) const;
    // Every occurrence in this layer, in order.
    template <typename Fn>
    void forEach(FieldId id, Fn&& fn) const;
    // Every field of this layer, in order: one pass for a writer that reads many.
    template <typename Fn>
    void forEachField(Fn&& fn) const
    {
        for (const FieldRecord& f : ownFields())
            if (f.layer == m_layer) fn(f);
    }

private:
    // The fields that may belong to this layer: those added after it.
    std::span<const FieldRecord> ownFields() const;

    const Dissection& m_dissection;
    std::uint16_t m_layer;
};

// Writes a protocol's Info text on demand, from the fields its dissector recorded: dissection
// formats no text, so rows that are never shown cost nothing.
using InfoWriter = void (*)(const LayerView& layer, std::string& out);

// The result of dissecting one frame. Reused across packets: clear() keeps every vector's
// capacity, so steady-state dissection allocates nothing; text is formatted only on demand.
class Dissection {
public:
    static constexpr std::uint32_t kNoField = 0xffffffffu;

    std::span<const LayerRecord> layers() const { return m_layers; }
    std::span<const FieldRecord> fields() const { return m_fields; }
    bool has(FieldId id) const;
    const FieldRecord* first(FieldId id) const;
    // tshark -T fields text: all occurrences, outer first, comma-joined; nothing if absent.
    void appendFieldText(FieldId id, std::string& out) const;
    std::string fieldText(FieldId id) const;
    // One occurrence, formatted as tshark prints it.
    std::string formatValue(const FieldRecord& f) const;
    void appendValue(const FieldRecord& f, std::string& out) const;
    // tshark -T fields' text of one occurrence: appendValue's, except bytes as bare hex digits
    // ("0102", where the tree and JSON write "01:02").
    void appendFieldValue(const FieldRecord& f, std::string& out) const;
    // The bytes or text a field holds in the value arena (addresses, names).
    ByteSpan valueBytes(const FieldRecord& f) const;
    std::string_view valueText(const FieldRecord& f) const;

    PacketSummary summary() const;
    // What the Source / Destination column shows: the network address field, else the link
    // one, else nullptr; then columnLinkBytes() may hold a cut Ethernet header's address.
    // Name resolution reads them to put names in the columns.
    const FieldRecord* columnAddressField(bool source) const;
    ByteSpan columnLinkBytes(bool source) const;
    std::string_view protocolName() const { return m_protocol; }
    // A layer found an impossible header value (not merely bytes missing from the capture).
    bool malformed() const;
    // The capture cut the frame inside a layer (snaplen).
    bool truncated() const;
    // Where Wireshark's exception ended the dissection: the first layer whose bytes ran out
    // (Truncated: BoundsError, "[Packet size limited during capture]") or that read past its
    // declared length (Malformed: ReportedBoundsError, "[Malformed Packet]"); Ok when none did.
    // A value Wireshark only flags as expert info throws nothing. `layer` gets the layer's
    // index when given.
    ParseStatus exception(std::uint16_t* layer = nullptr) const;
    std::uint64_t frameNumber() const { return m_frameNumber; }
    // Follow Stream's tap: TCP and UDP hand it their payloads (kept across frames; null: none).
    void setTransportTap(TransportTap* tap) { m_transportTap = tap; }
    TransportTap* transportTap() const { return m_transportTap; }

    // ---- Building, used by the dissectors ----
    void clear();
    void beginFrame(const FrameRef& frame, std::uint64_t frameNumber);
    std::uint16_t addLayer(std::string_view name, std::string_view filterName, std::uint32_t offset,
                           std::uint32_t length, bool reassembled);
    LayerRecord& layer(std::uint16_t index) { return m_layers[index]; }
    // Inline: every dissector calls it for every field of every frame.
    std::uint32_t addField(FieldId id, std::uint16_t layer, std::uint32_t offset, std::uint32_t length,
                           std::uint64_t number)
    {
        FieldRecord& f = m_fields.emplace_back();
        f.id = id;
        f.layer = layer;
        f.offset = offset;
        f.length = length;
        f.number = number;
        return static_cast<std::uint32_t>(m_fields.size() - 1);
    }
    std::uint32_t addBytesField(FieldId id, std::uint16_t layer, std::uint32_t offset, ByteSpan bytes);
    std::uint32_t addTextField(FieldId id, std::uint16_t layer, std::uint32_t offset, std::uint32_t length,
                               std::string_view text);
    // A number that also carries the name this capture gave it (an RTP payload type SDP named):
    // filters and -T fields see the number, the tree and Info the name.
    std::uint32_t addNamedNumber(FieldId id, std::uint16_t layer, std::uint32_t offset, std::uint32_t length,
                                 std::uint64_t number, std::string_view name)
    {
        const std::uint32_t index = addTextField(id, layer, offset, length, name);
        m_fields[index].number = number;
        return index;
    }
    // A small value kept beside a field for its protocol's Info writer (a separator it dropped).
    void setAux(std::uint32_t index, std::uint32_t aux) { if (index < m_fields.size()) m_fields[index].aux = aux; }
    // Append text to the value of the field just added (DNS names are built label by label).
    void appendToLastText(std::string_view text);
    void setProtocol(std::string_view name) { m_protocol = name; }
    // Replaces the Info column (Wireshark's col_set_str), or adds to it after `separator`
    // (col_append_sep_str): several PDUs in one frame, a prefix and what follows it.
    void setInfo(InfoKind kind, std::uint16_t layer);
    void setInfo(InfoWriter writer, std::uint16_t layer);
    void appendInfo(InfoWriter writer, std::uint16_t layer, std::string_view separator);
    // Writes before the column's current text and fences it (Wireshark's col_prepend_fence_fstr):
    // a later setInfo replaces only what follows the fence, as TCP's "[TCP Retransmission] " stays.
    void prependInfo(InfoWriter writer, std::uint16_t layer);
    void setNetAddresses(std::uint32_t srcField, std::uint32_t dstField) { m_netSrc = srcField; m_netDst = dstField; }
    void setLinkAddresses(std::uint32_t srcField, std::uint32_t dstField) { m_linkSrc = srcField; m_linkDst = dstField; }
    // Link addresses for the Source and Destination columns alone, with no field: Wireshark
    // takes them from an Ethernet header's first 6 and next 6 bytes before a cut header stops
    // its dissector. An empty span leaves that column without one.
    void setColumnLinkAddresses(ByteSpan src, ByteSpan dst);
    // Text an Info writer needs that no field of the frame holds (Wireshark's col_add_fstr of
    // bytes it adds to no tree: HTTP's first line on a segment of a message that continues).
    // One per frame, copied into the value arena.
    void setInfoText(std::string_view text);
    std::string_view infoText() const;
    // Text before a fence (TCP's "[TCP …] " prefix) is in the column.
    bool infoFenced() const { return m_infoFence > 0; }
    InfoKind infoKind() const { return m_info[m_infoFence].kind; }
    std::uint16_t infoLayer() const { return m_info[m_infoFence].layer; }

private:
    struct InfoPart {
        InfoKind kind = InfoKind::None;
        InfoWriter writer = nullptr;
        std::uint16_t layer = 0;
        std::string_view separator;
    };
    static constexpr std::size_t kMaxInfoParts = 16;

    void appendInfo(std::string& out) const;
    void appendCoreInfo(InfoKind kind, std::uint16_t layer, std::string& out) const;
    void appendProtocols(std::string& out) const;
    void appendColumn(FieldId id, std::string& out) const;
    const FieldRecord* firstInLayerOrAfter(FieldId id, std::uint16_t layer) const;
    const FieldRecord* at(std::uint32_t index) const { return index < m_fields.size() ? &m_fields[index] : nullptr; }

    std::vector<LayerRecord> m_layers;
    std::vector<FieldRecord> m_fields;
    std::vector<std::uint8_t> m_values;
    std::string_view m_protocol;
    std::array<InfoPart, kMaxInfoParts> m_info{};
    std::uint8_t m_infoParts = 0;
    std::uint8_t m_infoFence = 0;  // parts before the fence, kept by setInfo
    std::uint32_t m_infoTextOffset = 0, m_infoTextLength = 0;
    std::uint32_t m_netSrc = kNoField, m_netDst = kNoField;
    std::uint32_t m_linkSrc = kNoField, m_linkDst = kNoField;
    std::uint32_t m_linkType = 0;
    std::array<std::uint8_t, 6> m_columnLinkSrc{}, m_columnLinkDst{};
    bool m_hasColumnLinkSrc = false, m_hasColumnLinkDst = false;
    std::uint64_t m_frameNumber = 0;
    TransportTap* m_transportTap = nullptr;
};

template <typename Fn>
void LayerView::forEach(FieldId id, Fn&& fn) const
{
    for (const FieldRecord& f : ownFields())
        if (f.id == id && f.layer == m_layer) fn(f);
}

inline std::span<const FieldRecord> LayerView::ownFields() const
{
    const auto layers = m_dissection.layers();
    const auto fields = m_dissection.fields();
    const std::uint32_t start = m_layer < layers.size() ? layers[m_layer].firstField : 0;
    return start <= fields.size() ? fields.subspan(start) : fields.subspan(fields.size());
}

}  // namespace rcvmon
