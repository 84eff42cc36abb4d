// SPDX-License-Identifier: GPL-2.0-or-later
// A checked reader of ASN.1 BER (ITU-T X.690 §8) for the protocols that speak it: SNMP,
// Kerberos, LDAP, SPNEGO. Definite lengths only (what those protocols send); every TLV is
// checked against its parent's end and the captured bytes, and a read past either stops the
// reader with Truncated (the capture cut it) or Malformed (the lengths do not nest).
#pragma once

#include "core/bytes.h"
#include "dissect/dissection.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace rcvmon {

struct BerTlv {
    enum Class : std::uint8_t { Universal = 0, Application = 1, Context = 2, Private = 3 };
    std::uint8_t cls = Universal;
    bool constructed = false;
    std::uint32_t tag = 0;
    std::size_t start = 0;   // identifier octet, as an offset in the reader's bytes
    std::size_t value = 0;   // first contents octet
    std::size_t length = 0;  // contents octets
    std::size_t end() const { return value + length; }
    bool is(std::uint8_t c, std::uint32_t t) const { return cls == c && tag == t; }
};

class BerReader {
public:
    // Reads TLVs from data[begin, end); `reportedEnd` is where the message says it ends
    // (past the captured bytes when the capture was cut).
    BerReader(ByteSpan data, std::size_t begin, std::size_t end, std::size_t reportedEnd)
        : m_data(data), m_pos(begin), m_end(end), m_reportedEnd(reportedEnd < end ? end : reportedEnd)
    {
    }
    BerReader(ByteSpan data, std::size_t begin, std::size_t end) : BerReader(data, begin, end, end) {}

    bool ok() const { return m_status == ParseStatus::Ok; }
    ParseStatus status() const { return m_status; }
    bool atEnd() const { return !ok() || m_pos >= m_end; }
    std::size_t pos() const { return m_pos; }
    ByteSpan data() const { return m_data; }

    // The next TLV; its contents must lie within this reader's range (captured bytes: a TLV
    // that runs past them is Truncated if the message's length still covers it).
    bool next(BerTlv& t)
    {
        if (atEnd()) return false;
        std::size_t p = m_pos;
        t.start = p;
        const std::uint8_t id = byte(p++);
        t.cls = id >> 6;
        t.constructed = (id & 0x20) != 0;
        t.tag = id & 0x1f;
        if (t.tag == 0x1f) {  // high tag number form (§8.1.2.4)
            t.tag = 0;
            for (int i = 0;; ++i) {
                if (i == 4) return fail(ParseStatus::Malformed);
                const std::uint8_t b = byte(p++);
                t.tag = (t.tag << 7) | (b & 0x7f);
                if (!(b & 0x80)) break;
            }
        }
        const std::uint8_t first = byte(p++);
        std::size_t len = first;
        if (first & 0x80) {
            const unsigned n = first & 0x7f;
            if (n == 0 || n > 4) return fail(ParseStatus::Malformed);  // indefinite or absurd
            len = 0;
            for (unsigned i = 0; i < n; ++i) len = (len << 8) | byte(p++);
        }
        if (!ok()) return false;
        t.value = p;
        t.length = len;
        if (p + len > m_end) {
            // A constructed value cut short is read as far as it goes, as Wireshark does until
            // its first read past the end; a cut primitive value ends the reading.
            const ParseStatus cut = p + len <= m_reportedEnd ? ParseStatus::Truncated : ParseStatus::Malformed;
            if (!t.constructed) return fail(cut);
            m_cut = cut;
            m_pos = m_end;
            return true;
        }
        m_pos = p + len;
        return true;
    }
    // The next TLV, which must have this class and tag.
    bool expect(BerTlv& t, std::uint8_t cls, std::uint32_t tag)
    {
        if (!next(t)) return false;
        if (t.is(cls, tag)) return true;
        return fail(ParseStatus::Malformed);
    }
    // A reader of a constructed TLV's contents (as far as they were captured).
    BerReader inside(const BerTlv& t) const
    {
        return BerReader(m_data, t.value, std::min(t.end(), m_end), t.end());
    }
    // A constructed value ran past the bytes this reader has (Truncated or Malformed), or Ok.
    ParseStatus cut() const { return m_cut; }

    // INTEGER contents as a signed number (§8.3); false when empty or longer than 8 octets.
    bool integer(const BerTlv& t, std::int64_t& v) const
    {
        if (t.length == 0 || t.length > 8) return false;
        std::uint64_t u = (m_data[t.value] & 0x80) ? ~std::uint64_t{0} : 0;
        for (std::size_t i = 0; i < t.length; ++i) u = (u << 8) | m_data[t.value + i];
        v = static_cast<std::int64_t>(u);
        return true;
    }
    std::int64_t integerOr(const BerTlv& t, std::int64_t fallback) const
    {
        std::int64_t v = 0;
        return integer(t, v) ? v : fallback;
    }
    // A value's bytes (a cut constructed value's captured part).
    ByteSpan contents(const BerTlv& t) const
    {
        const std::size_t at = std::min(t.value, m_data.size());
        return m_data.subspan(at, std::min(t.length, m_data.size() - at));
    }
    std::string_view text(const BerTlv& t) const
    {
        const ByteSpan b = contents(t);
        return {reinterpret_cast<const char*>(b.data()), b.size()};
    }

    // OBJECT IDENTIFIER contents as dotted decimal (§8.19); false when an arc is cut or too big.
    static bool appendOid(ByteSpan contents, std::string& out)
    {
        std::uint64_t arc = 0;
        bool first = true;
        unsigned octets = 0;
        for (const std::uint8_t b : contents) {
            if (++octets > 9) return false;
            arc = (arc << 7) | (b & 0x7f);
            if (b & 0x80) continue;
            if (first) {
                const std::uint64_t top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
                out += std::to_string(top);
                out += '.';
                out += std::to_string(arc - top * 40);
                first = false;
            } else {
                out += '.';
                out += std::to_string(arc);
            }
            arc = 0;
            octets = 0;
        }
        return !first && octets == 0;
    }

private:
    std::uint8_t byte(std::size_t p)
    {
        if (p < m_end) return m_data[p];
        fail(p < m_reportedEnd ? ParseStatus::Truncated : ParseStatus::Malformed);
        return 0;
    }
    bool fail(ParseStatus s)
    {
        if (m_status == ParseStatus::Ok) m_status = s;
        return false;
    }

    ByteSpan m_data;
    std::size_t m_pos;
    std::size_t m_end;
    std::size_t m_reportedEnd;
    ParseStatus m_status = ParseStatus::Ok;
    ParseStatus m_cut = ParseStatus::Ok;
};

}  // namespace rcvmon
