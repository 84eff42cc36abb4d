// SPDX-License-Identifier: GPL-2.0-or-later
#include "capture_health.h"

namespace rcvmon {

QStringList blindSpots(const CaptureHealth& h)
{
    QStringList out;
    if (!h.live) {
        out << QStringLiteral("Reading a file: it shows what its capture saw, no more.");
        return out;
    }
    if (!h.allProtocols)
        out << QStringLiteral("Non-IP frames (ARP, LLDP, STP, …) are not captured: the seed captures IPv4 and IPv6 only.");
    if (h.mode == CaptureMode::IpLevel)
        out << QStringLiteral("Other hosts' unicast is not seen in IP level mode: the NIC is not promiscuous.");
    if (h.mode == CaptureMode::On)
        out << QStringLiteral("Even in promiscuous mode a switch forwards other hosts' unicast only to a mirror port.");
    if (h.platform == CapturePlatform::Windows) {
        out << QStringLiteral("Inbound traffic the Windows firewall drops never reaches SIO_RCVALL.");
        out << QStringLiteral("Traffic of WSL and Hyper-V NAT stays on the vEthernet adapter, not this one.");
        out << QStringLiteral("IPv6 headers are rebuilt by Windows, not the bytes on the wire; no link layer (RAW).");
    } else {
        out << QStringLiteral("Traffic of containers and VMs on a bridge or veth shows on that interface, not here.");
    }
    return out;
}

QString promiscuousVerdict(const CaptureHealth& h)
{
    if (!h.live || h.mode != CaptureMode::On) return QString();
    if (!h.nicPromiscuous) return QStringLiteral("Promiscuous mode requested; the NIC's state cannot be read.");
    return *h.nicPromiscuous ? QStringLiteral("Promiscuous mode is in effect on %1 (IFF_PROMISC set).").arg(h.interfaceName)
                             : QStringLiteral("Promiscuous mode did NOT take effect on %1: the NIC reports it off.")
                                   .arg(h.interfaceName);
}

}  // namespace rcvmon
