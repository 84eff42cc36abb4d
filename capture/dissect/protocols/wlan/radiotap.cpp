// SPDX-License-Identifier: GPL-2.0-or-later
// Radiotap (https://www.radiotap.org), LINKTYPE_IEEE802_11_RADIOTAP (127): the radio header
// monitor-mode captures put before each 802.11 frame. Fields of the first presence word are
// read with their natural alignment (counted from the header's start); Flags says whether
// the frame ends in an FCS and whether its MAC header is padded. Wireshark then shows the
// "802.11 radio information" summary (wlan_radio) and the 802.11 frame.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"
#include "dissect/protocols/wlan/wlan.h"

#include <array>

namespace rcvmon {
namespace {

constexpr std::uint32_t kLinkTypeRadiotap = 127;

struct RadiotapFields {
    FieldId version, pad, length, present, presentWord, presentBits[32], mactime, flags, flagBits[8], channelFreq,
        channelFlags, channelBits[12], fhssHopset, fhssPattern, dbmAntsignal, dbmAntnoise, quality, txAttenuation,
        dbTxAttenuation, txPower, antenna, dbAntsignal, dbAntnoise, rxflags, rxBadPlcp, txflags, dataRetries;
} hf;

struct WlanRadioFields {
    FieldId phy, shortPreamble, channel, frequency, signalDbm, noiseDbm, signalDb, noiseDb, timestamp;
} radio;

// The present-word bits with a name in Wireshark 4.0 (bit 16 is reserved).
constexpr std::array<std::pair<std::string_view, std::string_view>, 32> kPresentBits{{
    {"radiotap.present.tsft", "TSFT"},
    {"radiotap.present.flags", "Flags"},
    {"radiotap.present.rate", "Rate"},
    {"radiotap.present.channel", "Channel"},
    {"radiotap.present.fhss", "FHSS"},
    {"radiotap.present.dbm_antsignal", "dBm Antenna Signal"},
    {"radiotap.present.dbm_antnoise", "dBm Antenna Noise"},
    {"radiotap.present.lock_quality", "Lock Quality"},
    {"radiotap.present.tx_attenuation", "TX Attenuation"},
    {"radiotap.present.db_tx_attenuation", "dB TX Attenuation"},
    {"radiotap.present.dbm_tx_power", "dBm TX Power"},
    {"radiotap.present.antenna", "Antenna"},
    {"radiotap.present.db_antsignal", "dB Antenna Signal"},
    {"radiotap.present.db_antnoise", "dB Antenna Noise"},
    {"radiotap.present.rxflags", "RX flags"},
    {"radiotap.present.txflags", "TX flags"},
    {{}, {}},
    {"radiotap.present.data_retries", "data retries"},
    {"radiotap.present.xchannel", "Channel+"},
    {"radiotap.present.mcs", "MCS information"},
    {"radiotap.present.ampdu", "A-MPDU Status"},
    {"radiotap.present.vht", "VHT information"},
    {"radiotap.present.timestamp", "frame timestamp"},
    {"radiotap.present.he", "HE information"},
    {"radiotap.present.he_mu", "HE-MU information"},
    {{}, {}},
    {"radiotap.present.0_length.psdu", "0 Length PSDU"},
    {"radiotap.present.l_sig", "L-SIG"},
    {"radiotap.present.tlv", "TLVs"},
    {"radiotap.present.rtap_ns", "Radiotap NS next"},
    {"radiotap.present.vendor_ns", "Vendor NS next"},
    {"radiotap.present.ext", "Ext"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kFlagBits{{
    {"radiotap.flags.cfp", "CFP"},
    {"radiotap.flags.preamble", "Preamble"},
    {"radiotap.flags.wep", "WEP"},
    {"radiotap.flags.frag", "Fragmentation"},
    {"radiotap.flags.fcs", "FCS at end"},
    {"radiotap.flags.datapad", "Data Pad"},
    {"radiotap.flags.badfcs", "Bad FCS"},
    {"radiotap.flags.shortgi", "Short GI"},
}};

// Channel flag bits 4-15 (0x0010 … 0x8000).
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kChannelBits{{
    {"radiotap.channel.flags.turbo", "Turbo"},
    {"radiotap.channel.flags.cck", "Complementary Code Keying (CCK)"},
    {"radiotap.channel.flags.ofdm", "Orthogonal Frequency-Division Multiplexing (OFDM)"},
    {"radiotap.channel.flags.2ghz", "2 GHz spectrum"},
    {"radiotap.channel.flags.5ghz", "5 GHz spectrum"},
    {"radiotap.channel.flags.passive", "Passive"},
    {"radiotap.channel.flags.dynamic", "Dynamic CCK-OFDM"},
    {"radiotap.channel.flags.gfsk", "Gaussian Frequency Shift Keying (GFSK)"},
    {"radiotap.channel.flags.gsm", "GSM (900MHz)"},
    {"radiotap.channel.flags.sturbo", "Static Turbo"},
    {"radiotap.channel.flags.half", "Half Rate Channel (10MHz Channel Width)"},
    {"radiotap.channel.flags.quarter", "Quarter Rate Channel (5MHz Channel Width)"},
}};

constexpr ValueName kPhys[] = {
    {1, "802.11 FHSS"}, {2, "802.11 IR"}, {3, "802.11 DSSS"}, {4, "802.11b (HR/DSSS)"}, {5, "802.11a (OFDM)"},
    {6, "802.11g (ERP)"}, {7, "802.11n (HT)"}, {8, "802.11ac (VHT)"}, {9, "802.11ad (DMG)"},
    {10, "802.11ah (S1G)"}, {11, "802.11ax (HE)"},
};

// Alignment and size of the fields of bits 0-27 (radiotap.org's defined fields).
struct Layout {
    std::uint8_t align, size;
};
constexpr Layout kLayout[28] = {
    {8, 8}, {1, 1}, {1, 1}, {2, 4}, {1, 2}, {1, 1}, {1, 1}, {2, 2}, {2, 2}, {2, 2}, {1, 1}, {1, 1}, {1, 1}, {1, 1},
    {2, 2}, {2, 2}, {1, 1}, {1, 1}, {4, 8}, {1, 3}, {4, 8}, {2, 12}, {8, 12}, {2, 12}, {2, 12}, {2, 6}, {1, 1}, {2, 4},
};

std::uint64_t le(ByteSpan b, std::size_t at, std::size_t n)
{
    std::uint64_t v = 0;
    for (std::size_t i = n; i-- > 0;) v = (v << 8) | b[at + i];
    return v;
}

// ieee80211_mhz_to_chan: the channel number of a centre frequency, or 0.
unsigned channelOf(unsigned mhz)
{
    if (mhz == 2484) return 14;
    if (mhz >= 2412 && mhz < 2484) return (mhz - 2407) / 5;
    if (mhz >= 4910 && mhz <= 4980) return (mhz - 4000) / 5;
    if (mhz >= 5000 && mhz <= 5900) return (mhz - 5000) / 5;
    return 0;
}

// The PHY the channel flags name (packet-ieee80211-radiotap.c); MCS and VHT fields override.
unsigned phyOf(unsigned flags, std::uint32_t present)
{
    if (present & (1u << 21)) return 8;
    if (present & (1u << 19)) return 7;
    constexpr unsigned kCck = 0x20, kOfdm = 0x40, k2Ghz = 0x80, k5Ghz = 0x100, kDyn = 0x400, kGfsk = 0x800;
    switch (flags & (kCck | kOfdm | k2Ghz | k5Ghz | kDyn | kGfsk)) {
    case k5Ghz | kOfdm: return 5;
    case k2Ghz | kCck: return 4;
    case k2Ghz | kOfdm:
    case k2Ghz | kDyn: return 6;
    case k2Ghz | kGfsk: return 1;
    default: return 0;
    }
}

void addSigned8(LayerCursor& c, FieldId id, std::size_t at, std::uint8_t v)
{
    c.add(id, at, 1, static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int8_t>(v))));
}

bool dissectRadiotap(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Radiotap", "radiotap", p.data, p.at, p.reported);
    ctx.setProtocol("WLAN");
    c.u8(hf.version);
    c.u8(hf.pad);
    const std::size_t length = c.u16le(hf.length);
    if (!c.ok()) return true;
    if (length < 8 || !c.need(length - 4)) {
        c.malformed();
        return true;
    }
    // Presence words: each with bit 31 set is followed by another (bounded by the header).
    const ByteSpan h = c.data();
    std::uint32_t present = 0;
    c.add(hf.present, 4, 0, 0);
    std::size_t at = 4;
    for (bool more = true; more; at += 4) {
        if (at + 4 > length) {
            c.malformed();
            return true;
        }
        const auto word = static_cast<std::uint32_t>(le(h, at, 4));
        if (at == 4) present = word;
        c.add(hf.presentWord, at, 4, word);
        for (unsigned bit = 0; bit < 32; ++bit)
            if (hf.presentBits[bit]) c.add(hf.presentBits[bit], at, 4, (word >> bit) & 1);
        more = (word & 0x80000000u) != 0;
    }
    // The first word's fields, in bit order; an unknown one ends the walk (its size is unknown).
    unsigned flags = 0, channelFlags = 0, frequency = 0;
    bool haveFlags = false, haveChannel = false;
    std::uint8_t dbmSignal = 0, dbmNoise = 0, dbSignal = 0, dbNoise = 0;
    bool haveDbmSignal = false, haveDbmNoise = false, haveDbSignal = false, haveDbNoise = false;
    std::uint64_t tsft = 0;
    bool haveTsft = false;
    for (unsigned bit = 0; bit < 28; ++bit) {
        if (!(present & (1u << bit))) continue;
        const Layout f = kLayout[bit];
        at = (at + f.align - 1) / f.align * f.align;
        if (at + f.size > length) {
            c.malformed();
            break;
        }
        switch (bit) {
        case 0: tsft = le(h, at, 8), haveTsft = true, c.add(hf.mactime, at, 8, tsft); break;
        case 1:
            flags = h[at], haveFlags = true;
            c.add(hf.flags, at, 1, flags);
            for (unsigned b = 0; b < 8; ++b) c.add(hf.flagBits[b], at, 1, (flags >> b) & 1);
            break;
        case 3:
            frequency = static_cast<unsigned>(le(h, at, 2)), channelFlags = static_cast<unsigned>(le(h, at + 2, 2));
            haveChannel = true;
            c.add(hf.channelFreq, at, 2, frequency);
            c.add(hf.channelFlags, at + 2, 2, channelFlags);
            for (unsigned b = 0; b < 12; ++b) c.add(hf.channelBits[b], at + 2, 2, (channelFlags >> (b + 4)) & 1);
            break;
        case 4: c.add(hf.fhssHopset, at, 1, h[at]), c.add(hf.fhssPattern, at + 1, 1, h[at + 1]); break;
        case 5: dbmSignal = h[at], haveDbmSignal = true, addSigned8(c, hf.dbmAntsignal, at, h[at]); break;
        case 6: dbmNoise = h[at], haveDbmNoise = true, addSigned8(c, hf.dbmAntnoise, at, h[at]); break;
        case 7: c.add(hf.quality, at, 2, le(h, at, 2)); break;
        case 8: c.add(hf.txAttenuation, at, 2, le(h, at, 2)); break;
        case 9: c.add(hf.dbTxAttenuation, at, 2, le(h, at, 2)); break;
        case 10: addSigned8(c, hf.txPower, at, h[at]); break;
        case 11: c.add(hf.antenna, at, 1, h[at]); break;
        case 12: dbSignal = h[at], haveDbSignal = true, c.add(hf.dbAntsignal, at, 1, h[at]); break;
        case 13: dbNoise = h[at], haveDbNoise = true, c.add(hf.dbAntnoise, at, 1, h[at]); break;
        case 14: {
            const auto rx = le(h, at, 2);
            c.add(hf.rxflags, at, 2, rx);
            c.add(hf.rxBadPlcp, at, 2, (rx >> 1) & 1);
            break;
        }
        case 15: c.add(hf.txflags, at, 2, le(h, at, 2)); break;
        case 17: c.add(hf.dataRetries, at, 1, h[at]); break;
        default: break;  // rate (a float), and fields shown only in detail by Wireshark
        }
        at += f.size;
    }
    c.skip(length - 4);
    if (!c.ok()) return true;

    // 802.11 radio information: Wireshark's PHY-independent summary of the radio header,
    // generated fields only.
    const Payload frame = payloadAfter(c, c.reportedRemaining());
    {
        LayerCursor r(ctx, "802.11 radio information", "wlan_radio", ByteSpan{}, frame.at, 0);
        const unsigned phy = haveChannel ? phyOf(channelFlags, present) : 0;
        if (phy) r.add(radio.phy, 0, 0, phy);
        if (phy == 4 && haveFlags) r.add(radio.shortPreamble, 0, 0, (flags >> 1) & 1);
        if (haveChannel) {
            if (const unsigned channel = channelOf(frequency)) r.add(radio.channel, 0, 0, channel);
            r.add(radio.frequency, 0, 0, frequency);
        }
        const auto signed8 = [](std::uint8_t v) {
            return static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int8_t>(v)));
        };
        if (haveDbmSignal) r.add(radio.signalDbm, 0, 0, signed8(dbmSignal));
        if (haveDbSignal) r.add(radio.signalDb, 0, 0, dbSignal);
        if (haveDbmNoise) r.add(radio.noiseDbm, 0, 0, signed8(dbmNoise));
        if (haveDbNoise) r.add(radio.noiseDb, 0, 0, dbNoise);
        if (haveTsft) r.add(radio.timestamp, 0, 0, tsft);
    }
    WlanOptions options;
    options.fcs = (flags & 0x10) != 0;
    options.dataPad = (flags & 0x20) != 0;
    dissectWlan(ctx, frame, options);
    return true;
}

}  // namespace

void registerRadiotap(ProtocolRegistrar& r)
{
    r.protocol("radiotap");
    hf.version = r.field({"radiotap.version", "Header revision", FieldKind::Unsigned, 8});
    hf.pad = r.field({"radiotap.pad", "Header pad", FieldKind::Unsigned, 8});
    hf.length = r.field({"radiotap.length", "Header length", FieldKind::Unsigned, 16});
    hf.present = r.field({"radiotap.present", "Present flags", FieldKind::None, 0});
    hf.presentWord = r.field({"radiotap.present.word", "Present flags word", FieldKind::Hex, 32});
    for (unsigned bit = 0; bit < 32; ++bit)
        if (!kPresentBits[bit].first.empty())
            hf.presentBits[bit] = r.field({kPresentBits[bit].first, kPresentBits[bit].second, FieldKind::Bool, 32, {},
                                           std::uint64_t{1} << bit});
    hf.mactime = r.field({"radiotap.mactime", "MAC timestamp", FieldKind::Unsigned, 64});
    hf.flags = r.field({"radiotap.flags", "Flags", FieldKind::Hex, 8});
    for (unsigned b = 0; b < 8; ++b)
        hf.flagBits[b] = r.field({kFlagBits[b].first, kFlagBits[b].second, FieldKind::Bool, 8, {}, 1u << b});
    hf.channelFreq = r.field({"radiotap.channel.freq", "Channel frequency", FieldKind::Unsigned, 32});
    hf.channelFlags = r.field({"radiotap.channel.flags", "Channel flags", FieldKind::Hex, 16});
    for (unsigned b = 0; b < 12; ++b)
        hf.channelBits[b] =
            r.field({kChannelBits[b].first, kChannelBits[b].second, FieldKind::Bool, 16, {}, 0x10u << b});
    hf.fhssHopset = r.field({"radiotap.fhss.hopset", "FHSS Hop Set", FieldKind::Unsigned, 8});
    hf.fhssPattern = r.field({"radiotap.fhss.pattern", "FHSS Pattern", FieldKind::Unsigned, 8});
    hf.dbmAntsignal = r.field({"radiotap.dbm_antsignal", "Antenna signal", FieldKind::Signed, 8});
    hf.dbmAntnoise = r.field({"radiotap.dbm_antnoise", "Antenna noise", FieldKind::Signed, 8});
    hf.quality = r.field({"radiotap.quality", "Signal Quality", FieldKind::Unsigned, 16});
    hf.txAttenuation = r.field({"radiotap.txattenuation", "TX attenuation", FieldKind::Unsigned, 16});
    hf.dbTxAttenuation = r.field({"radiotap.db_txattenuation", "dB TX attenuation", FieldKind::Unsigned, 16});
    hf.txPower = r.field({"radiotap.txpower", "Transmit power", FieldKind::Signed, 8});
    hf.antenna = r.field({"radiotap.antenna", "Antenna", FieldKind::Unsigned, 32});
    hf.dbAntsignal = r.field({"radiotap.db_antsignal", "dB antenna signal", FieldKind::Unsigned, 8});
    hf.dbAntnoise = r.field({"radiotap.db_antnoise", "dB antenna noise", FieldKind::Unsigned, 8});
    hf.rxflags = r.field({"radiotap.rxflags", "RX flags", FieldKind::Hex, 16});
    hf.rxBadPlcp = r.field({"radiotap.rxflags.badplcp", "Bad PLCP", FieldKind::Bool, 16, {}, 0x2});
    hf.txflags = r.field({"radiotap.txflags", "TX flags", FieldKind::Hex, 16});
    hf.dataRetries = r.field({"radiotap.data_retries", "data retries", FieldKind::Unsigned, 8});
    r.linkType(kLinkTypeRadiotap, dissectRadiotap);

    r.protocol("wlan_radio");
    radio.phy = r.field({"wlan_radio.phy", "PHY type", FieldKind::Unsigned, 32, kPhys});
    radio.shortPreamble = r.field({"wlan_radio.short_preamble", "Short preamble", FieldKind::Bool, 0});
    radio.channel = r.field({"wlan_radio.channel", "Channel", FieldKind::Unsigned, 32});
    radio.frequency = r.field({"wlan_radio.frequency", "Frequency", FieldKind::Unsigned, 16});
    radio.signalDb = r.field({"wlan_radio.signal_db", "Signal strength (dB)", FieldKind::Unsigned, 8});
    radio.signalDbm = r.field({"wlan_radio.signal_dbm", "Signal strength (dBm)", FieldKind::Signed, 8});
    radio.noiseDb = r.field({"wlan_radio.noise_db", "Noise level (dB)", FieldKind::Unsigned, 8});
    radio.noiseDbm = r.field({"wlan_radio.noise_dbm", "Noise level (dBm)", FieldKind::Signed, 8});
    radio.timestamp = r.field({"wlan_radio.timestamp", "TSF timestamp", FieldKind::Unsigned, 64});
}

}  // namespace rcvmon
