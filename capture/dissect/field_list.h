// SPDX-License-Identifier: GPL-2.0-or-later
// Every field RcvMon dissects, in one list: Wireshark's filter name, its label, how tshark 4.0
// prints it, and the hex width. The list expands into the FieldId constants and the registry
// table, so the two can never disagree. Names and formats follow Wireshark's display filter
// reference (https://www.wireshark.org/docs/dfref/).
// NOLINTBEGIN
#define RCVMON_FIELDS(X)                                                                  \
    X(FrameNumber, "frame.number", "Frame Number", Unsigned, 0)                          \
    X(FrameTimeEpoch, "frame.time_epoch", "Epoch Time", AbsoluteTime, 0)                 \
    X(FrameLen, "frame.len", "Frame Length", Unsigned, 0)                                \
    X(FrameCapLen, "frame.cap_len", "Capture Length", Unsigned, 0)                       \
    X(FrameInterfaceId, "frame.interface_id", "Interface id", Unsigned, 0)               \
    X(FrameProtocols, "frame.protocols", "Protocols in frame", String, 0)                \
    X(ColProtocol, "_ws.col.Protocol", "Protocol", String, 0)                            \
    X(ColInfo, "_ws.col.Info", "Info", String, 0)                                        \
    X(ColSource, "_ws.col.Source", "Source", String, 0)                                  \
    X(ColDestination, "_ws.col.Destination", "Destination", String, 0)                   \
    X(EthDst, "eth.dst", "Destination", Mac, 0)                                          \
    X(EthSrc, "eth.src", "Source", Mac, 0)                                               \
    X(EthType, "eth.type", "Type", Hex, 4)                                               \
    X(EthLen, "eth.len", "Length", Unsigned, 0)                                          \
    X(LlcDsap, "llc.dsap", "DSAP", Hex, 2)                                               \
    X(LlcSsap, "llc.ssap", "SSAP", Hex, 2)                                               \
    X(LlcControl, "llc.control", "Control field", Hex, 4)                                \
    X(LlcOui, "llc.oui", "Organization Code", Unsigned, 0)                                \
    X(LlcPid, "llc.pid", "Protocol ID", Hex, 4)                                          \
    X(LlcType, "llc.type", "Type", Hex, 4)                                               \
    X(SllPktType, "sll.pkttype", "Packet type", Unsigned, 0)                             \
    X(SllHaType, "sll.hatype", "Link-layer address type", Unsigned, 0)                   \
    X(SllHaLen, "sll.halen", "Link-layer address length", Unsigned, 0)                   \
    X(SllSrcEth, "sll.src.eth", "Source", Mac, 0)                                        \
    X(SllEtype, "sll.etype", "Protocol", Hex, 4)                                         \
    X(SllIfIndex, "sll.ifindex", "Interface index", Unsigned, 0)                         \
    X(NullFamily, "null.family", "Family", Unsigned, 0)                                  \
    X(VlanPriority, "vlan.priority", "Priority", Unsigned, 0)                            \
    X(VlanDei, "vlan.dei", "DEI", Unsigned, 0)                                           \
    X(VlanId, "vlan.id", "ID", Unsigned, 0)                                              \
    X(VlanEtype, "vlan.etype", "Type", Hex, 4)                                           \
    X(MplsLabel, "mpls.label", "MPLS Label", Unsigned, 0)                                \
    X(MplsExp, "mpls.exp", "MPLS Experimental Bits", Unsigned, 0)                        \
    X(MplsBottom, "mpls.bottom", "MPLS Bottom Of Label Stack", Unsigned, 0)              \
    X(MplsTtl, "mpls.ttl", "MPLS TTL", Unsigned, 0)                                      \
    X(ArpHwType, "arp.hw.type", "Hardware type", Unsigned, 0)                            \
    X(ArpProtoType, "arp.proto.type", "Protocol type", Hex, 4)                           \
    X(ArpHwSize, "arp.hw.size", "Hardware size", Unsigned, 0)                            \
    X(ArpProtoSize, "arp.proto.size", "Protocol size", Unsigned, 0)                      \
    X(ArpOpcode, "arp.opcode", "Opcode", Unsigned, 0)                                    \
    X(ArpSrcHwMac, "arp.src.hw_mac", "Sender MAC address", Mac, 0)                       \
    X(ArpSrcProtoIpv4, "arp.src.proto_ipv4", "Sender IP address", Ipv4, 0)               \
    X(ArpDstHwMac, "arp.dst.hw_mac", "Target MAC address", Mac, 0)                       \
    X(ArpDstProtoIpv4, "arp.dst.proto_ipv4", "Target IP address", Ipv4, 0)               \
    X(IpVersion, "ip.version", "Version", Unsigned, 0)                                   \
    X(IpHdrLen, "ip.hdr_len", "Header Length", Unsigned, 0)                              \
    X(IpDsfield, "ip.dsfield", "Differentiated Services Field", Hex, 2)                  \
    X(IpLen, "ip.len", "Total Length", Unsigned, 0)                                      \
    X(IpId, "ip.id", "Identification", Hex, 4)                                           \
    X(IpFlags, "ip.flags", "Flags", Hex, 2)                                              \
    X(IpFlagsDf, "ip.flags.df", "Don't fragment", Bool, 0)                               \
    X(IpFlagsMf, "ip.flags.mf", "More fragments", Bool, 0)                               \
    X(IpFragOffset, "ip.frag_offset", "Fragment Offset", Unsigned, 0)                    \
    X(IpTtl, "ip.ttl", "Time to Live", Unsigned, 0)                                      \
    X(IpProto, "ip.proto", "Protocol", Unsigned, 0)                                      \
    X(IpChecksum, "ip.checksum", "Header Checksum", Hex, 4)                              \
    X(IpSrc, "ip.src", "Source Address", Ipv4, 0)                                        \
    X(IpDst, "ip.dst", "Destination Address", Ipv4, 0)                                   \
    X(Ipv6Version, "ipv6.version", "Version", Unsigned, 0)                               \
    X(Ipv6Tclass, "ipv6.tclass", "Traffic Class", Hex, 8)                                \
    X(Ipv6Flow, "ipv6.flow", "Flow Label", Hex, 6)                                       \
    X(Ipv6Plen, "ipv6.plen", "Payload Length", Unsigned, 0)                              \
    X(Ipv6Nxt, "ipv6.nxt", "Next Header", Unsigned, 0)                                   \
    X(Ipv6Hlim, "ipv6.hlim", "Hop Limit", Unsigned, 0)                                   \
    X(Ipv6Src, "ipv6.src", "Source Address", Ipv6, 0)                                    \
    X(Ipv6Dst, "ipv6.dst", "Destination Address", Ipv6, 0)                               \
    X(Ipv6RoutingType, "ipv6.routing.type", "Type", Unsigned, 0)                         \
    X(Ipv6RoutingSegleft, "ipv6.routing.segleft", "Segments Left", Unsigned, 0)          \
    X(Ipv6RoutingSrcAddr, "ipv6.routing.src.addr", "Address", Ipv6, 0)                   \
    X(Ipv6HomeAddress, "ipv6.opt.mipv6.home_address", "Home Address", Ipv6, 0)          \
    X(Ipv6FragmentOffset, "ipv6.fraghdr.offset", "Offset", Unsigned, 0)                  \
    X(Ipv6FragmentMore, "ipv6.fraghdr.more", "More Fragments", Bool, 0)                  \
    X(Ipv6FragmentId, "ipv6.fraghdr.ident", "Identification", Hex, 8)                    \
    X(AhSpi, "ah.spi", "AH SPI", Hex, 8)                                                 \
    X(AhSequence, "ah.sequence", "AH Sequence", Unsigned, 0)                             \
    X(TcpSrcPort, "tcp.srcport", "Source Port", Unsigned, 0)                             \
    X(TcpDstPort, "tcp.dstport", "Destination Port", Unsigned, 0)                        \
    X(TcpLen, "tcp.len", "TCP Segment Len", Unsigned, 0)                                 \
    X(TcpSeq, "tcp.seq", "Sequence Number", Unsigned, 0)                                 \
    X(TcpSeqRaw, "tcp.seq_raw", "Sequence Number (raw)", Unsigned, 0)                    \
    X(TcpAck, "tcp.ack", "Acknowledgment Number", Unsigned, 0)                           \
    X(TcpAckRaw, "tcp.ack_raw", "Acknowledgment number (raw)", Unsigned, 0)              \
    X(TcpHdrLen, "tcp.hdr_len", "Header Length", Unsigned, 0)                            \
    X(TcpFlags, "tcp.flags", "Flags", Hex, 4)                                            \
    X(TcpFlagsFin, "tcp.flags.fin", "Fin", Bool, 0)                                      \
    X(TcpFlagsSyn, "tcp.flags.syn", "Syn", Bool, 0)                                      \
    X(TcpFlagsReset, "tcp.flags.reset", "Reset", Bool, 0)                                \
    X(TcpFlagsPush, "tcp.flags.push", "Push", Bool, 0)                                   \
    X(TcpFlagsAck, "tcp.flags.ack", "Acknowledgment", Bool, 0)                           \
    X(TcpFlagsUrg, "tcp.flags.urg", "Urgent", Bool, 0)                                   \
    X(TcpWindowSizeValue, "tcp.window_size_value", "Window", Unsigned, 0)                \
    X(TcpChecksum, "tcp.checksum", "Checksum", Hex, 4)                                   \
    X(TcpUrgentPointer, "tcp.urgent_pointer", "Urgent Pointer", Unsigned, 0)             \
    X(TcpOptionMss, "tcp.options.mss_val", "MSS Value", Unsigned, 0)                     \
    X(TcpOptionWscale, "tcp.options.wscale.shift", "Shift count", Unsigned, 0)           \
    X(UdpSrcPort, "udp.srcport", "Source Port", Unsigned, 0)                             \
    X(UdpDstPort, "udp.dstport", "Destination Port", Unsigned, 0)                        \
    X(UdpLength, "udp.length", "Length", Unsigned, 0)                                    \
    X(UdpChecksum, "udp.checksum", "Checksum", Hex, 4)                                   \
    X(IcmpType, "icmp.type", "Type", Unsigned, 0)                                        \
    X(IcmpCode, "icmp.code", "Code", Unsigned, 0)                                        \
    X(IcmpChecksum, "icmp.checksum", "Checksum", Hex, 4)                                 \
    X(IcmpIdent, "icmp.ident", "Identifier (BE)", Unsigned, 0)                           \
    X(IcmpSeq, "icmp.seq", "Sequence Number (BE)", Unsigned, 0)                          \
    X(Icmpv6Type, "icmpv6.type", "Type", Unsigned, 0)                                    \
    X(Icmpv6Code, "icmpv6.code", "Code", Unsigned, 0)                                    \
    X(Icmpv6Checksum, "icmpv6.checksum", "Checksum", Hex, 4)                             \
    X(Icmpv6EchoId, "icmpv6.echo.identifier", "Identifier", Hex, 4)                      \
    X(Icmpv6EchoSeq, "icmpv6.echo.sequence_number", "Sequence", Unsigned, 0)             \
    X(IgmpVersion, "igmp.version", "IGMP Version", Unsigned, 0)                          \
    X(IgmpType, "igmp.type", "Type", Hex, 2)                                             \
    X(IgmpMaddr, "igmp.maddr", "Multicast Address", Ipv4, 0)                             \
    X(GreFlagsAndVersion, "gre.flags_and_version", "Flags and Version", Hex, 4)          \
    X(GreProto, "gre.proto", "Protocol Type", Hex, 4)                                    \
    X(BasicxidFormat, "basicxid.llc.xid.format", "XID Format", Hex, 2)                   \
    X(BasicxidTypes, "basicxid.llc.xid.types", "LLC Types/Classes", Hex, 2)              \
    X(BasicxidWsize, "basicxid.llc.xid.wsize", "Receive Window Size", Unsigned, 0)       \
    X(EapCode, "eap.code", "Code", Unsigned, 0)                                          \
    X(EapId, "eap.id", "Id", Unsigned, 0)                                                \
    X(EapLen, "eap.len", "Length", Unsigned, 0)                                          \
    X(EapType, "eap.type", "Type", Unsigned, 0)                                          \
    X(M3uaVersion, "m3ua.version", "Version", Unsigned, 0)                               \
    X(M3uaMessageClass, "m3ua.message_class", "Message class", Unsigned, 0)              \
    X(M3uaMessageType, "m3ua.message_type", "Message Type", Unsigned, 0)                 \
    X(M3uaMessageLength, "m3ua.message_length", "Message length", Unsigned, 0)           \
    X(NbdgmType, "nbdgm.type", "Message Type", Unsigned, 0)                              \
    X(NbdgmDgramId, "nbdgm.dgram_id", "Datagram ID", Hex, 4)                             \
    X(NbdgmSrcIp, "nbdgm.src.ip", "Source IP", Ipv4, 0)                                  \
    X(NbdgmSrcPort, "nbdgm.src.port", "Source Port", Unsigned, 0)                        \
    X(NbdgmSourceName, "nbdgm.source_name", "Source name", String, 0)                    \
    X(NbdgmDestinationName, "nbdgm.destination_name", "Destination name", String, 0)     \
    X(SmbCmd, "smb.cmd", "SMB Command", Hex, 2)                                          \
    X(SmbTransName, "smb.trans_name", "Transaction Name", String, 0)                     \
    X(MailslotOpcode, "mailslot.opcode", "Opcode", Unsigned, 0)                          \
    X(MailslotPriority, "mailslot.priority", "Priority", Unsigned, 0)                    \
    X(MailslotClass, "mailslot.class", "Class", Unsigned, 0)                             \
    X(MailslotSize, "mailslot.size", "Size", Unsigned, 0)                                \
    X(MailslotName, "mailslot.name", "Mailslot Name", String, 0)                         \
    X(BrowserCommand, "browser.command", "Command", Hex, 2)
// NOLINTEND
