# SPDX-License-Identifier: GPL-2.0-or-later
# One line per protocol: its registration name (the file defines registerName) and its files.
# cmake/RcvmonProtocols.cmake builds them and the registration that calls each, in this order.
rcvmon_protocol(Dns dns.cpp)
rcvmon_protocol(Ipv6 ipv6.cpp)
rcvmon_protocol(Icmp icmp.cpp)
rcvmon_protocol(Gre gre.cpp)
rcvmon_protocol(Erspan erspan.cpp)
rcvmon_protocol(CiscoMetadata cisco_metadata.cpp)
rcvmon_protocol(Esp esp.cpp)
rcvmon_protocol(Isakmp isakmp.cpp)
rcvmon_protocol(Igmp igmp.cpp)
rcvmon_protocol(Ospf ospf.cpp)
rcvmon_protocol(Pim pim.cpp)
rcvmon_protocol(Vrrp vrrp.cpp)
rcvmon_protocol(Eigrp eigrp.cpp)
rcvmon_protocol(Hsrp hsrp.cpp)
rcvmon_protocol(Bfd bfd.cpp)
rcvmon_protocol(Babel babel.cpp)
