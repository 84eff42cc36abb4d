# SPDX-License-Identifier: GPL-2.0-or-later
# One line per protocol: its registration name (the file defines registerName) and its files.
# cmake/RcvmonProtocols.cmake builds them and the registration that calls each, in this order.
rcvmon_protocol(Dns dns/dns.cpp dns/dns_records.cpp)
rcvmon_protocol(Dhcp dhcp.cpp)
rcvmon_protocol(Ntp ntp.cpp)
rcvmon_protocol(Ssdp ssdp.cpp)
rcvmon_protocol(Nbns nbns.cpp)
rcvmon_protocol(Dhcpv6 dhcpv6.cpp)
rcvmon_protocol(Vxlan vxlan.cpp)
rcvmon_protocol(Gtp gtp.cpp)
rcvmon_protocol(Pfcp pfcp.cpp)
rcvmon_protocol(Babel babel.cpp)
rcvmon_protocol(Rip rip.cpp)
rcvmon_protocol(Stun stun.cpp)
rcvmon_protocol(Syslog syslog.cpp)
rcvmon_protocol(Tftp tftp.cpp)
rcvmon_protocol(WireGuard wireguard.cpp)
