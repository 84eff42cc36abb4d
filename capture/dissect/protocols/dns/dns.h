// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to the DNS family (dns.cpp, dns_records.cpp): the registered fields and the name
// reader the record decoders share.
#pragma once

#include "dissect/protocols/context.h"

#include <string>

namespace rcvmon::dns {

struct Fields {
    FieldId id, flags, flagsResponse, flagsOpcode, flagsAuthoritative, flagsConflict, flagsTruncated,
        flagsRecdesired, flagsTentative, flagsRecavail, flagsZ, flagsAuthenticated, flagsCheckdisable, flagsRcode;
    FieldId countQueries, countZones, countAnswers, countPrerequisites, countAuth, countUpdates, countAdd;
    FieldId qryName, qryNameLen, countLabels, qryType, qryClass, qryQu;
    FieldId respName, respType, respClass, respCacheFlush, respTtl, respLen;
    FieldId udpPayloadSize, extRcode, ednsVersion, respZ, respZDo, respZReserved, opt, optCode, optLen, optData;
    FieldId a, aaaa, cname, ns, ptr, dname, soaMname, soaRname, soaSerial, soaRefresh, soaRetry, soaExpire,
        soaMinimum, mxPreference, mxExchange, txtLength, txt, srvPriority, srvWeight, srvPort, srvTarget,
        nsecNext, wksAddress, wksProtocol, hinfoCpuLength, hinfoCpu, hinfoOsLength, hinfoOs, naptrOrder,
        naptrPreference, naptrFlagsLength, naptrFlags, naptrServiceLength, naptrService, naptrRegexLength,
        naptrRegex, naptrReplacement;
    FieldId tcpLength;
};
extern Fields hf;

// Reads the (possibly compressed, RFC 1035 §4.1.4) name at `pos` of `msg` into `text`;
// returns the offset just after the name where it starts (pointers not followed), or 0 when
// the name is cut. Loops and extended labels give Wireshark's text for them. `labels` counts labels.
std::size_t readName(ByteSpan msg, std::size_t pos, std::string& text, unsigned& labels);

// Registers the fields of resource record data; dissects one record's data (RFC 1035 §3.3
// and the RFCs of the later types) of `type` and `length` bytes at the cursor.
void registerRecordFields(ProtocolRegistrar& r);
// `base` is where the DNS message starts in the cursor (2 over TCP, after the length).
void dissectRecordData(LayerCursor& c, std::size_t base, std::uint16_t type, std::uint16_t rrClass, std::size_t length);

}  // namespace rcvmon::dns
