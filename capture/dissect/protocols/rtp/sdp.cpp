// SPDX-License-Identifier: GPL-2.0-or-later
// SDP (RFC 8866) in a SIP body: each line's fields as Wireshark names them, and the media it
// announces. A media line with an RTP profile and a port, at the connection address of its
// section (or the session's), sets up RTP there and RTCP on the next port, with the payload
// type names its a=rtpmap lines give, as Wireshark's SDP dissector calls rtp_add_address.
#include "dissect/expected_conversations.h"
#include "dissect/protocols/rtp/rtp.h"
#include "dissect/protocols/text/lines.h"
#include "dissect/protocols/value_names.h"
#include "filter/filter_literals.h"

#include <array>
#include <cstring>

namespace rcvmon {
namespace {

using text::Line;

struct SdpFields {
    FieldId version, owner, ownerUser, ownerSession, ownerVersion, ownerNetwork, ownerAddressType, ownerAddress;
    FieldId sessionName, sessionInfo, uri, email, phone, connection, connectionNetwork, connectionAddressType,
        connectionAddress, bandwidth, bandwidthModifier, bandwidthValue, time, timeStart, timeStop, repeat, timezone,
        connectionTtl, connectionCount, key, sessionAttr, sessionAttrField, sessionAttrValue, media, mediaMedia, mediaPortString, mediaPort, mediaPortCount, mediaProto,
        mediaFormat, mediaTitle, mediaAttr, mediaAttrField, mediaAttrValue, mimeType, sampleRate, fmtpParameter, callId;
} hf;

// What one m= section announces.
struct MediaSection {
    std::uint16_t port = 0;
    bool rtp = false;                      // an RTP profile (RTP/AVP, RTP/AVPF)
    std::uint8_t family = 0;               // of its own c= line; 0: the session's
    std::array<std::uint8_t, 16> address{};
    std::array<AnnouncedFormat, 8> formats{};
    std::uint8_t formatCount = 0;
};

constexpr std::size_t kMaxMedia = 8;

// The tokens of `s` separated by single spaces, at most `max`; returns how many.
std::size_t splitSpaces(std::string_view s, std::string_view* tokens, std::size_t max)
{
    std::size_t n = 0, start = 0;
    while (n < max && start <= s.size()) {
        const std::size_t space = s.find(' ', start);
        if (space == std::string_view::npos || n + 1 == max) {
            tokens[n++] = s.substr(start);
            break;
        }
        tokens[n++] = s.substr(start, space - start);
        start = space + 1;
    }
    return n;
}

bool parseNumber(std::string_view s, unsigned long& out)
{
    if (s.empty() || s.size() > 9) return false;
    out = 0;
    for (char ch : s) {
        if (!text::isDigit(ch)) return false;
        out = out * 10 + static_cast<unsigned long>(ch - '0');
    }
    return true;
}

// "IP4 198.18.0.1" or "IP6 2001:db8::1", with an optional "/ttl" or "/count" after it.
bool parseAddress(std::string_view type, std::string_view address, std::uint8_t& family,
                  std::array<std::uint8_t, 16>& out)
{
    if (const std::size_t slash = address.find('/'); slash != std::string_view::npos) address = address.substr(0, slash);
    std::string why;
    std::uint32_t prefix = 0;
    out = {};
    if (type == "IP4") {
        std::uint32_t v4 = 0;
        if (!parseIpv4Literal(address, v4, prefix, why)) return false;
        for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v4 >> (24 - 8 * i));
        family = 4;
        return true;
    }
    if (type == "IP6" && parseIpv6Literal(address, out, prefix, why)) {
        family = 6;
        return true;
    }
    return false;
}

// "233.4.189.38/16/2": the address, then for IP4 a TTL and for both a count of addresses.
void dissectConnectionAddress(LayerCursor& c, std::size_t at, std::string_view type, std::string_view address)
{
    const std::size_t slash = address.find('/');
    text::addText(c, hf.connectionAddress, at, address.substr(0, slash));
    if (slash == std::string_view::npos) return;
    std::string_view rest = address.substr(slash + 1);
    std::size_t restAt = at + slash + 1;
    const std::size_t second = rest.find('/');
    const std::string_view first = rest.substr(0, second);
    unsigned long number = 0;
    if (parseNumber(first, number)) c.add(type == "IP4" ? hf.connectionTtl : hf.connectionCount, restAt, first.size(), number);
    if (second == std::string_view::npos || type != "IP4") return;
    rest = rest.substr(second + 1);
    restAt += second + 1;
    if (parseNumber(rest, number)) c.add(hf.connectionCount, restAt, rest.size(), number);
}

// The fields under a line's own field: `names` for its space-separated parts, in order.
void addParts(LayerCursor& c, std::size_t valueAt, std::string_view value, std::initializer_list<FieldId> names)
{
    std::array<std::string_view, 8> parts;
    const std::size_t n = splitSpaces(value, parts.data(), parts.size());
    std::size_t i = 0;
    for (FieldId id : names) {
        if (i >= n) break;
        text::addText(c, id, valueAt + static_cast<std::size_t>(parts[i].data() - value.data()), parts[i]);
        ++i;
    }
}

void dissectMediaLine(LayerCursor& c, std::size_t valueAt, std::string_view value, MediaSection& media)
{
    std::array<std::string_view, 3> head;
    if (splitSpaces(value, head.data(), 3) < 3) return;
    const auto offsetOf = [&](std::string_view part) { return valueAt + static_cast<std::size_t>(part.data() - value.data()); };
    text::addText(c, hf.mediaMedia, offsetOf(head[0]), head[0]);
    std::string_view portText = head[1], countText;
    if (const std::size_t slash = portText.find('/'); slash != std::string_view::npos) {
        countText = portText.substr(slash + 1);
        portText = portText.substr(0, slash);
    }
    text::addText(c, hf.mediaPortString, offsetOf(portText), portText);
    unsigned long port = 0, count = 0;
    if (parseNumber(portText, port) && port <= 65535) {
        c.add(hf.mediaPort, offsetOf(portText), portText.size(), port);
        media.port = static_cast<std::uint16_t>(port);
    }
    if (parseNumber(countText, count)) c.add(hf.mediaPortCount, offsetOf(countText), countText.size(), count);
    std::array<std::string_view, 2> rest;
    if (splitSpaces(head[2], rest.data(), 2) < 1) return;
    const std::string_view proto = rest[0];
    text::addText(c, hf.mediaProto, offsetOf(proto), proto);
    media.rtp = proto == "RTP/AVP" || proto == "RTP/AVPF";
    if (rest[1].empty() || rest[1].data() == proto.data()) return;
    // Formats: RTP payload type numbers, shown by their names.
    std::string_view formats = rest[1];
    for (int guard = 0; guard < 64 && !formats.empty(); ++guard) {
        const std::size_t space = formats.find(' ');
        const std::string_view format = formats.substr(0, space);
        unsigned long type = 0;
        const bool numbered = media.rtp && parseNumber(format, type) && type < 128;
        const std::string_view name = numbered ? valueName(kRtpPayloadTypeNames, type) : format;
        c.ctx().out.addTextField(hf.mediaFormat, c.layer(), c.absolute(offsetOf(format)),
                                 static_cast<std::uint32_t>(format.size()), name);
        if (space == std::string_view::npos) break;
        formats = formats.substr(space + 1);
    }
}

// a=rtpmap:<type> <encoding>/<clock rate>[/<channels>] and a=fmtp:<type> <parameters>.
void dissectMediaAttribute(LayerCursor& c, std::size_t valueAt, std::string_view value, MediaSection* media)
{
    const std::size_t colon = value.find(':');
    if (colon == std::string_view::npos) return;
    const std::string_view name = value.substr(0, colon), rest = value.substr(colon + 1);
    text::addText(c, hf.mediaAttrField, valueAt, name);
    const std::size_t restAt = valueAt + colon + 1;
    const std::size_t space = rest.find(' ');
    if (name != "rtpmap" && name != "fmtp") {
        text::addText(c, hf.mediaAttrValue, restAt, rest);
        return;
    }
    if (space == std::string_view::npos) return;
    const std::string_view type = rest.substr(0, space), detail = rest.substr(space + 1);
    text::addText(c, hf.mediaFormat, restAt, type);
    if (name == "fmtp") {
        text::addText(c, hf.fmtpParameter, restAt + space + 1, detail);
        return;
    }
    const std::size_t slash = detail.find('/');
    const std::string_view encoding = detail.substr(0, slash);
    text::addText(c, hf.mimeType, restAt + space + 1, encoding);
    if (slash != std::string_view::npos) {
        std::string_view rate = detail.substr(slash + 1);
        rate = rate.substr(0, rate.find('/'));
        text::addText(c, hf.sampleRate, restAt + space + 2 + slash, rate);
    }
    unsigned long number = 0;
    if (media && parseNumber(type, number) && number < 128 && media->formatCount < media->formats.size()) {
        AnnouncedFormat& f = media->formats[media->formatCount++];
        f.payloadType = static_cast<std::uint8_t>(number);
        f.nameLength = static_cast<std::uint8_t>(std::min(encoding.size(), f.name.size()));
        std::memcpy(f.name.data(), encoding.data(), f.nameLength);
    }
}

// RTP at the media's address and port, RTCP on the next port, each with any peer.
void announce(DissectContext& ctx, const MediaSection& media, std::uint8_t family,
              const std::array<std::uint8_t, 16>& address, const SdpOrigin& origin)
{
    if (!ctx.expected || !media.rtp || media.port == 0 || family == 0) return;
    ExpectedConversation e;
    e.family = family;
    e.udp = true;
    e.anyPeer = true;
    e.addrA = address;
    e.portA = media.port;
    e.dissector = dissectRtp;
    e.setupFrame = origin.setupFrame;
    e.method = "SDP";
    if (!origin.callId.empty()) e.setNote(origin.callId);
    e.formats = media.formats;
    e.formatCount = media.formatCount;
    ctx.expected->expect(e);
    if (media.port == 65535) return;
    ExpectedConversation control;
    control.family = family;
    control.udp = true;
    control.anyPeer = true;
    control.addrA = address;
    control.portA = static_cast<std::uint16_t>(media.port + 1);
    control.dissector = dissectRtcp;
    control.setupFrame = origin.setupFrame;
    control.method = "SDP";
    ctx.expected->expect(control);
}

}  // namespace

void dissectSdp(DissectContext& ctx, const Payload& p, const SdpOrigin& origin)
{
    LayerCursor c(ctx, "Session Description Protocol", "sdp", p.data, p.at, p.reported);
    const std::string_view bytes = text::asText(p.data);
    std::uint8_t sessionFamily = 0;
    std::array<std::uint8_t, 16> sessionAddress{};
    std::array<MediaSection, kMaxMedia> media{};
    std::size_t mediaCount = 0;
    bool inMedia = false;
    Line line;
    for (std::size_t at = 0; text::lineAt(bytes, at, line); at = line.next) {
        if (line.length < 2 || line.text[1] != '=') continue;
        const std::string_view value = line.text.substr(2);
        const std::size_t valueAt = line.start + 2;
        MediaSection* current = inMedia && mediaCount <= kMaxMedia ? &media[mediaCount - 1] : nullptr;
        const auto whole = [&](FieldId id) {
            ctx.out.addTextField(id, c.layer(), c.absolute(line.start), static_cast<std::uint32_t>(line.length), value);
        };
        switch (line.text[0]) {
        case 'v': whole(hf.version); break;
        case 'o':
            whole(hf.owner);
            addParts(c, valueAt, value,
                     {hf.ownerUser, hf.ownerSession, hf.ownerVersion, hf.ownerNetwork, hf.ownerAddressType, hf.ownerAddress});
            break;
        case 's': whole(hf.sessionName); break;
        case 'i': whole(inMedia ? hf.mediaTitle : hf.sessionInfo); break;
        case 'u': whole(hf.uri); break;
        case 'e': whole(hf.email); break;
        case 'p': whole(hf.phone); break;
        case 'c': {
            whole(hf.connection);
            addParts(c, valueAt, value, {hf.connectionNetwork, hf.connectionAddressType});
            std::array<std::string_view, 3> parts;
            if (splitSpaces(value, parts.data(), 3) != 3) break;
            dissectConnectionAddress(c, valueAt + static_cast<std::size_t>(parts[2].data() - value.data()), parts[1], parts[2]);
            if (parts[0] == "IN") {
                if (current) {
                    parseAddress(parts[1], parts[2], current->family, current->address);
                } else if (!inMedia) {
                    parseAddress(parts[1], parts[2], sessionFamily, sessionAddress);
                }
            }
            break;
        }
        case 'b': {
            whole(hf.bandwidth);
            const std::size_t colon = value.find(':');
            if (colon != std::string_view::npos) {
                text::addText(c, hf.bandwidthModifier, valueAt, value.substr(0, colon));
                text::addText(c, hf.bandwidthValue, valueAt + colon + 1, value.substr(colon + 1));
            }
            break;
        }
        case 't':
            whole(hf.time);
            addParts(c, valueAt, value, {hf.timeStart, hf.timeStop});
            break;
        case 'r': whole(hf.repeat); break;
        case 'z': whole(hf.timezone); break;
        case 'k': whole(hf.key); break;
        case 'm':
            whole(hf.media);
            inMedia = true;
            ++mediaCount;
            if (mediaCount <= kMaxMedia) dissectMediaLine(c, valueAt, value, media[mediaCount - 1]);
            break;
        case 'a':
            if (inMedia) {
                whole(hf.mediaAttr);
                dissectMediaAttribute(c, valueAt, value, current);
            } else {
                whole(hf.sessionAttr);
                const std::size_t colon = value.find(':');
                if (colon != std::string_view::npos) {
                    text::addText(c, hf.sessionAttrField, valueAt, value.substr(0, colon));
                    text::addText(c, hf.sessionAttrValue, valueAt + colon + 1, value.substr(colon + 1));
                }
            }
            break;
        default: break;
        }
    }
    if (!origin.callId.empty()) ctx.out.addTextField(hf.callId, c.layer(), c.absolute(0), 0, origin.callId);
    for (std::size_t i = 0; i < mediaCount && i < kMaxMedia; ++i) {
        const MediaSection& m = media[i];
        if (m.family != 0) {
            announce(ctx, m, m.family, m.address, origin);
        } else {
            announce(ctx, m, sessionFamily, sessionAddress, origin);
        }
    }
}

void registerSdp(ProtocolRegistrar& r)
{
    r.protocol("sdp");
    const auto text = [&](std::string_view name, std::string_view label) {
        return r.field({name, label, FieldKind::String});
    };
    hf.version = text("sdp.version", "Session Description Protocol Version (v)");
    hf.owner = text("sdp.owner", "Owner/Creator, Session Id (o)");
    hf.ownerUser = text("sdp.owner.username", "Owner Username");
    hf.ownerSession = text("sdp.owner.sessionid", "Session ID");
    hf.ownerVersion = text("sdp.owner.version", "Session Version");
    hf.ownerNetwork = text("sdp.owner.network_type", "Owner Network Type");
    hf.ownerAddressType = text("sdp.owner.address_type", "Owner Address Type");
    hf.ownerAddress = text("sdp.owner.address", "Owner Address");
    hf.sessionName = text("sdp.session_name", "Session Name (s)");
    hf.sessionInfo = text("sdp.session_info", "Session Information (i)");
    hf.uri = text("sdp.uri", "URI of Description (u)");
    hf.email = text("sdp.email", "E-mail Address (e)");
    hf.phone = text("sdp.phone", "Phone Number (p)");
    hf.connection = text("sdp.connection_info", "Connection Information (c)");
    hf.connectionNetwork = text("sdp.connection_info.network_type", "Connection Network Type");
    hf.connectionAddressType = text("sdp.connection_info.address_type", "Connection Address Type");
    hf.connectionAddress = text("sdp.connection_info.address", "Connection Address");
    hf.connectionTtl = r.field({"sdp.connection_info.ttl", "Connection TTL", FieldKind::Unsigned, 8});
    hf.connectionCount = r.field({"sdp.connection_info.num_addr", "Connection Number of Addresses", FieldKind::Unsigned, 8});
    hf.bandwidth = text("sdp.bandwidth", "Bandwidth Information (b)");
    hf.bandwidthModifier = text("sdp.bandwidth.modifier", "Bandwidth Modifier");
    hf.bandwidthValue = text("sdp.bandwidth.value", "Bandwidth Value");
    hf.time = text("sdp.time", "Time Description, active time (t)");
    hf.timeStart = text("sdp.time.start", "Session Start Time");
    hf.timeStop = text("sdp.time.stop", "Session Stop Time");
    hf.repeat = text("sdp.repeat_time", "Repeat Time (r)");
    hf.timezone = text("sdp.timezone", "Time Zone Adjustments (z)");
    hf.key = text("sdp.encryption_key", "Encryption Key (k)");
    hf.sessionAttr = text("sdp.session_attr", "Session Attribute (a)");
    hf.sessionAttrField = text("sdp.session_attr.field", "Session Attribute Fieldname");
    hf.sessionAttrValue = text("sdp.session_attr.value", "Session Attribute Value");
    hf.media = text("sdp.media", "Media Description, name and address (m)");
    hf.mediaMedia = text("sdp.media.media", "Media Type");
    hf.mediaPortString = text("sdp.media.port_string", "Media Port");
    hf.mediaPort = r.field({"sdp.media.port", "Media Port", FieldKind::Unsigned, 16});
    hf.mediaPortCount = r.field({"sdp.media.portcount", "Media Port Count", FieldKind::Unsigned, 16});
    hf.mediaProto = text("sdp.media.proto", "Media Protocol");
    hf.mediaFormat = text("sdp.media.format", "Media Format");
    hf.mediaTitle = text("sdp.media_title", "Media Title (i)");
    hf.mediaAttr = text("sdp.media_attr", "Media Attribute (a)");
    hf.mediaAttrField = text("sdp.media_attribute.field", "Media Attribute Fieldname");
    hf.mediaAttrValue = text("sdp.media_attribute.value", "Media Attribute Value");
    hf.mimeType = text("sdp.mime.type", "MIME Type");
    hf.sampleRate = text("sdp.sample_rate", "Sample Rate");
    hf.fmtpParameter = text("sdp.fmtp.parameter", "Media format specific parameters");
    hf.callId = text("sip.call_id_generated", "Generated Call-ID");
}

}  // namespace rcvmon
