// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/dissection.h"

#include "core/frame_no_interface.h"
#include "core/link_type.h"
#include "dissect/field_format.h"

#include <algorithm>

namespace rcvmon {
namespace {

// Wireshark's Info column holds at most COL_MAX_INFO_LEN - 1 bytes, cut on a UTF-8 boundary
// (ws_label_strcpy). `out` may hold text before the column's: the cap counts from `start`.
void capInfoColumn(std::string& out, std::size_t start)
{
    constexpr std::size_t kMaxInfoBytes = 4095;
    const std::size_t max = start + kMaxInfoBytes;
    if (out.size() <= max) return;
    std::size_t end = max;
    while (end > start && (static_cast<std::uint8_t>(out[end]) & 0xc0) == 0x80) --end;
    out.resize(end);
}

}  // namespace

void Dissection::clear()
{
    m_layers.clear();
    m_fields.clear();
    m_values.clear();
    m_protocol = {};
    m_infoParts = 0;
    m_infoFence = 0;
    m_info[0] = {};
    m_infoTextOffset = m_infoTextLength = 0;
    m_netSrc = m_netDst = m_linkSrc = m_linkDst = kNoField;
    m_hasColumnLinkSrc = m_hasColumnLinkDst = false;
    m_frameNumber = 0;
}

void Dissection::beginFrame(const FrameRef& frame, std::uint64_t frameNumber)
{
    clear();
    m_frameNumber = frameNumber;
    m_linkType = frame.linkType;
    const std::uint16_t l = addLayer("Frame", "frame", 0, frame.capturedLength, false);
    if (!(frame.flags & kFrameFlagNoInterface)) addField(field::FrameInterfaceId, l, 0, 0, frame.interfaceId);
    FieldRecord& t = m_fields[addField(field::FrameTimeEpoch, l, 0, 0, static_cast<std::uint64_t>(frame.ts.sec))];
    t.aux = frame.ts.nsec;
    addField(field::FrameNumber, l, 0, 0, frameNumber);
    addField(field::FrameLen, l, 0, 0, frame.originalLength);
    addField(field::FrameCapLen, l, 0, 0, frame.capturedLength);
}

std::uint16_t Dissection::addLayer(std::string_view name, std::string_view filterName, std::uint32_t offset,
                                   std::uint32_t length, bool reassembled)
{
    m_layers.push_back(LayerRecord{name, filterName, offset, length, ParseStatus::Ok, reassembled, true, true});
    m_layers.back().firstField = static_cast<std::uint32_t>(m_fields.size());
    return static_cast<std::uint16_t>(m_layers.size() - 1);
}

std::uint32_t Dissection::addBytesField(FieldId id, std::uint16_t layer, std::uint32_t offset, ByteSpan bytes)
{
    const std::uint32_t index = addField(id, layer, offset, static_cast<std::uint32_t>(bytes.size()), 0);
    FieldRecord& f = m_fields[index];
    f.valueOffset = static_cast<std::uint32_t>(m_values.size());
    f.valueLength = static_cast<std::uint32_t>(bytes.size());
    m_values.insert(m_values.end(), bytes.begin(), bytes.end());
    return index;
}

std::uint32_t Dissection::addTextField(FieldId id, std::uint16_t layer, std::uint32_t offset, std::uint32_t length,
                                       std::string_view text)
{
    const std::uint32_t index = addField(id, layer, offset, length, 0);
    FieldRecord& f = m_fields[index];
    f.valueOffset = static_cast<std::uint32_t>(m_values.size());
    f.valueLength = static_cast<std::uint32_t>(text.size());
    m_values.insert(m_values.end(), text.begin(), text.end());
    return index;
}

void Dissection::appendToLastText(std::string_view text)
{
    if (m_fields.empty()) return;
    FieldRecord& f = m_fields.back();
    // Only the last value in the arena can grow in place.
    if (f.valueOffset + f.valueLength != m_values.size()) return;
    m_values.insert(m_values.end(), text.begin(), text.end());
    f.valueLength += static_cast<std::uint32_t>(text.size());
}

bool Dissection::has(FieldId id) const
{
    if (id == field::ColProtocol || id == field::ColInfo || id == field::ColSource || id == field::ColDestination ||
        id == field::FrameProtocols)
        return !m_layers.empty();
    return first(id) != nullptr;
}

const FieldRecord* Dissection::first(FieldId id) const
{
    for (const FieldRecord& f : m_fields)
        if (f.id == id) return &f;
    return nullptr;
}

const FieldRecord* Dissection::firstInLayerOrAfter(FieldId id, std::uint16_t layer) const
{
    for (const FieldRecord& f : m_fields)
        if (f.id == id && f.layer >= layer) return &f;
    return nullptr;
}

ByteSpan Dissection::valueBytes(const FieldRecord& f) const
{
    if (std::size_t{f.valueOffset} + f.valueLength > m_values.size()) return {};
    return ByteSpan(m_values).subspan(f.valueOffset, f.valueLength);
}

std::string_view Dissection::valueText(const FieldRecord& f) const
{
    const ByteSpan b = valueBytes(f);
    return {reinterpret_cast<const char*>(b.data()), b.size()};
}

void Dissection::appendValue(const FieldRecord& f, std::string& out) const
{
    const FieldInfo& info = fieldInfo(f.id);
    switch (info.kind) {
    case FieldKind::Unsigned: appendDecimal(out, f.number); break;
    case FieldKind::Signed: appendSigned(out, static_cast<std::int64_t>(f.number)); break;
    case FieldKind::Hex: appendHex(out, f.number, info.hexDigits); break;
    case FieldKind::Bool: out.push_back(f.number ? '1' : '0'); break;
    case FieldKind::None: out.push_back('1'); break;  // tshark prints a label's presence
    case FieldKind::Ipv4: appendIpv4(out, valueBytes(f)); break;
    case FieldKind::Ipv6: appendIpv6(out, valueBytes(f)); break;
    case FieldKind::Mac:
    case FieldKind::Bytes: appendMac(out, valueBytes(f)); break;
    case FieldKind::String: out += valueText(f); break;
    case FieldKind::AbsoluteTime:
    case FieldKind::RelativeTime: appendEpoch(out, static_cast<std::int64_t>(f.number), f.aux); break;
    }
}

void Dissection::appendFieldValue(const FieldRecord& f, std::string& out) const
{
    if (fieldInfo(f.id).kind != FieldKind::Bytes) {
        appendValue(f, out);
        return;
    }
    for (const std::uint8_t b : valueBytes(f)) {
        out.push_back("0123456789abcdef"[b >> 4]);
        out.push_back("0123456789abcdef"[b & 0xf]);
    }
}

std::string Dissection::formatValue(const FieldRecord& f) const
{
    std::string out;
    appendValue(f, out);
    return out;
}

void Dissection::appendFieldText(FieldId id, std::string& out) const
{
    if (id == field::ColProtocol || id == field::ColInfo || id == field::ColSource || id == field::ColDestination) {
        if (!m_layers.empty()) appendColumn(id, out);
        return;
    }
    if (id == field::FrameProtocols) {
        appendProtocols(out);
        return;
    }
    bool firstOne = true;
    for (const FieldRecord& f : m_fields) {
        if (f.id != id) continue;
        if (!firstOne) out.push_back(',');
        firstOne = false;
        appendFieldValue(f, out);
    }
}

std::string Dissection::fieldText(FieldId id) const
{
    std::string out;
    appendFieldText(id, out);
    return out;
}

void Dissection::appendProtocols(std::string& out) const
{
    // Wireshark's list also names its EtherType dispatcher, and "raw" for LINKTYPE_RAW's
    // bare-IP dissector (LINKTYPE_IPV4/IPV6 go straight to IP).
    const bool rawLink = m_linkType == link_type::Raw || m_linkType == link_type::RawLegacy12 ||
                         m_linkType == link_type::RawLegacy14;
    bool firstOne = true;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const LayerRecord& l = m_layers[i];
        if (l.filterName == "frame") {
            if (rawLink && i + 1 < m_layers.size() &&
                (m_layers[i + 1].filterName == "ip" || m_layers[i + 1].filterName == "ipv6")) {
                out += "raw";
                firstOne = false;
            }
            continue;
        }
        if (!l.listed) continue;
        if (!firstOne) out.push_back(':');
        firstOne = false;
        out += l.filterName;
        const bool byEtherType = l.filterName == "eth" || l.filterName == "vlan" || l.filterName == "sll" ||
                                 l.filterName == "ieee8021ah" || l.filterName == "vntag" || l.filterName == "avsp" ||
                                 l.filterName == "macsec";
        if (byEtherType && i + 1 < m_layers.size() && m_layers[i + 1].filterName != "llc" &&
            m_layers[i + 1].filterName != "cfp")
            out += ":ethertype";
    }
}

void Dissection::appendColumn(FieldId id, std::string& out) const
{
    if (id == field::ColProtocol) {
        out += m_protocol;
    } else if (id == field::ColInfo) {
        appendInfo(out);
    } else {
        const bool src = id == field::ColSource;
        const FieldRecord* f = at(src ? m_netSrc : m_netDst);
        if (!f) f = at(src ? m_linkSrc : m_linkDst);
        if (f) {
            appendValue(*f, out);
        } else if (src ? m_hasColumnLinkSrc : m_hasColumnLinkDst) {
            appendMac(out, src ? m_columnLinkSrc : m_columnLinkDst);
        }
    }
}

const FieldRecord* Dissection::columnAddressField(bool source) const
{
    const FieldRecord* f = at(source ? m_netSrc : m_netDst);
    return f ? f : at(source ? m_linkSrc : m_linkDst);
}

ByteSpan Dissection::columnLinkBytes(bool source) const
{
    if (source) return m_hasColumnLinkSrc ? ByteSpan(m_columnLinkSrc) : ByteSpan();
    return m_hasColumnLinkDst ? ByteSpan(m_columnLinkDst) : ByteSpan();
}

void Dissection::setInfo(InfoKind kind, std::uint16_t layer)
{
    m_info[m_infoFence] = InfoPart{kind, nullptr, layer, {}};
    m_infoParts = static_cast<std::uint8_t>(m_infoFence + 1);
}

void Dissection::setInfo(InfoWriter writer, std::uint16_t layer)
{
    m_info[m_infoFence] = InfoPart{InfoKind::Protocol, writer, layer, {}};
    m_infoParts = static_cast<std::uint8_t>(m_infoFence + 1);
}

void Dissection::prependInfo(InfoWriter writer, std::uint16_t layer)
{
    if (m_infoParts == kMaxInfoParts) return;
    for (std::size_t i = m_infoParts; i > 0; --i) m_info[i] = m_info[i - 1];
    m_info[0] = InfoPart{InfoKind::Protocol, writer, layer, {}};
    ++m_infoParts;
    ++m_infoFence;
}

void Dissection::appendInfo(InfoWriter writer, std::uint16_t layer, std::string_view separator)
{
    if (m_infoParts == kMaxInfoParts) return;  // a frame of many tiny PDUs: the first ones tell
    const std::string_view before = m_infoParts == 0 ? std::string_view() : separator;
    m_info[m_infoParts] = InfoPart{InfoKind::Protocol, writer, layer, before};
    ++m_infoParts;
}

void Dissection::setInfoText(std::string_view text)
{
    m_infoTextOffset = static_cast<std::uint32_t>(m_values.size());
    m_infoTextLength = static_cast<std::uint32_t>(text.size());
    m_values.insert(m_values.end(), text.begin(), text.end());
}

std::string_view Dissection::infoText() const
{
    if (std::size_t{m_infoTextOffset} + m_infoTextLength > m_values.size()) return {};
    return {reinterpret_cast<const char*>(m_values.data()) + m_infoTextOffset, m_infoTextLength};
}

void Dissection::appendInfo(std::string& out) const
{
    const std::size_t start = out.size();
    for (std::size_t i = 0; i < m_infoParts; ++i) {
        const InfoPart& part = m_info[i];
        // col_append_sep_str: the separator only after text (a cleared column takes none).
        if (out.size() > start) out += part.separator;
        if (part.kind == InfoKind::Protocol) {
            part.writer(LayerView(*this, part.layer), out);
        } else {
            appendCoreInfo(part.kind, part.layer, out);
        }
    }
    // Wireshark's show_exception appends its note to whatever the column held when the
    // dissector threw, with no separator.
    std::uint16_t layer = 0;
    const ParseStatus ended = exception(&layer);
    if (ended != ParseStatus::Ok && !m_layers[layer].quoted)
        out += ended == ParseStatus::Truncated ? "[Packet size limited during capture]" : "[Malformed Packet]";
    capInfoColumn(out, start);
}

const FieldRecord* LayerView::field(FieldId id) const
{
    for (const FieldRecord& f : ownFields())
        if (f.id == id && f.layer == m_layer) return &f;
    return nullptr;
}

std::uint64_t LayerView::number(FieldId id, std::uint64_t absent) const
{
    const FieldRecord* f = field(id);
    return f ? f->number : absent;
}

std::string_view LayerView::text(FieldId id) const
{
    const FieldRecord* f = field(id);
    return f ? m_dissection.valueText(*f) : std::string_view();
}

void LayerView::appendValue(FieldId id, std::string& out) const
{
    if (const FieldRecord* f = field(id)) m_dissection.appendValue(*f, out);
}

void Dissection::setColumnLinkAddresses(ByteSpan src, ByteSpan dst)
{
    m_hasColumnLinkSrc = src.size() == m_columnLinkSrc.size();
    if (m_hasColumnLinkSrc) std::copy(src.begin(), src.end(), m_columnLinkSrc.begin());
    m_hasColumnLinkDst = dst.size() == m_columnLinkDst.size();
    if (m_hasColumnLinkDst) std::copy(dst.begin(), dst.end(), m_columnLinkDst.begin());
}

PacketSummary Dissection::summary() const
{
    PacketSummary s;
    appendColumn(field::ColSource, s.source);
    appendColumn(field::ColDestination, s.destination);
    s.protocol = std::string(m_protocol);
    appendInfo(s.info);
    return s;
}

bool Dissection::malformed() const
{
    return std::any_of(m_layers.begin(), m_layers.end(),
                       [](const LayerRecord& l) { return l.status == ParseStatus::Malformed; });
}

ParseStatus Dissection::exception(std::uint16_t* layer) const
{
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const LayerRecord& l = m_layers[i];
        if (l.status == ParseStatus::Ok || !l.threw) continue;
        if (layer) *layer = static_cast<std::uint16_t>(i);
        return l.status;
    }
    return ParseStatus::Ok;
}

bool Dissection::truncated() const
{
    return std::any_of(m_layers.begin(), m_layers.end(),
                       [](const LayerRecord& l) { return l.status == ParseStatus::Truncated; });
}

}  // namespace rcvmon
