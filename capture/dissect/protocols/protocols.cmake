# SPDX-License-Identifier: GPL-2.0-or-later
# One line per protocol: its registration name (the file defines registerName) and its files.
# cmake/RcvmonProtocols.cmake builds them and the registration that calls each, in this order.
rcvmon_protocol(Dns dns.cpp)
rcvmon_protocol(Tcp tcp.cpp tcp_options.cpp)
rcvmon_protocol(Udp udp.cpp)
rcvmon_protocol(Tls tls/tls.cpp tls/handshake.cpp)
rcvmon_protocol(Quic quic/quic.cpp quic/quic_crypto.cpp quic/quic_connections.cpp)
