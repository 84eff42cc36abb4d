# SPDX-License-Identifier: GPL-2.0-or-later
# One line per protocol: its registration name (the file defines registerName) and its files.
# cmake/RcvmonProtocols.cmake builds them and the registration that calls each, in this order.
rcvmon_protocol(Dns dns.cpp)
rcvmon_protocol(Tcp tcp.cpp tcp_options.cpp)
rcvmon_protocol(Udp udp.cpp)
rcvmon_protocol(Snmp snmp.cpp)
rcvmon_protocol(Kerberos kerberos.cpp)
rcvmon_protocol(SecurityBlob security_blob.cpp tcp_message.cpp)
rcvmon_protocol(Ldap ldap.cpp)
rcvmon_protocol(Nbss smb/nbss.cpp)
rcvmon_protocol(Smb smb/smb1.cpp smb/nt_status.cpp)
rcvmon_protocol(Smb2 smb/smb2.cpp smb/smb2_names.cpp)
rcvmon_protocol(Dcerpc smb/dcerpc.cpp smb/dcerpc_interfaces.cpp)
