# SPDX-License-Identifier: GPL-2.0-or-later
# One line per protocol: its registration name (the file defines registerName) and its files.
# cmake/RcvmonProtocols.cmake builds them and the registration that calls each, in this order.
rcvmon_protocol(Dns dns.cpp)
rcvmon_protocol(Tcp tcp.cpp tcp_options.cpp)
rcvmon_protocol(Udp udp.cpp)
rcvmon_protocol(Ftp text/ftp.cpp)
rcvmon_protocol(Smtp text/smtp.cpp)
rcvmon_protocol(Ssh text/ssh.cpp)
rcvmon_protocol(Http http.cpp)
rcvmon_protocol(Pop text/pop.cpp)
rcvmon_protocol(Irc text/irc.cpp)
rcvmon_protocol(Sip text/sip.cpp)
