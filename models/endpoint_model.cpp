// SPDX-License-Identifier: GPL-2.0-or-later
#include "endpoint_model.h"

#include "statistics_feed.h"

namespace rcvmon {

int EndpointModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EndpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    static const char* const names[ColumnCount] = {"Address",    "Port",     "Packets",    "Bytes",     "Tx Packets",
                                                   "Tx Bytes",   "Rx Packets", "Rx Bytes", "Rel Start", "Duration"};
    return section >= 0 && section < ColumnCount ? QVariant(QString::fromUtf8(names[section])) : QVariant();
}

std::size_t EndpointModel::sourceRows() const
{
    return m_feed->statistics().endpoints(kind()).size();
}

QVariant EndpointModel::cell(std::size_t row, int column, int role) const
{
    const Endpoint& e = m_feed->statistics().endpoints(kind()).endpoints()[row];
    const auto number = [](std::uint64_t v) { return QVariant::fromValue<qulonglong>(v); };
    switch (column) {
    case Address: return QString::fromStdString(e.address.text());
    case Port: return statKindHasPorts(kind()) ? number(e.port) : QVariant();
    case Packets: return number(e.frames());
    case Bytes: return number(e.bytes());
    case TxPackets: return number(e.tx.frames);
    case TxBytes: return number(e.tx.bytes);
    case RxPackets: return number(e.rx.frames);
    case RxBytes: return number(e.rx.bytes);
    case RelStart: return relStartCell(e.start, role);
    case Duration: return durationCell(e.start, e.stop, role);
    default: return {};
    }
}

QString EndpointModel::filterText(std::size_t row) const
{
    const Endpoint& e = m_feed->statistics().endpoints(kind()).endpoints()[row];
    const QString address = QStringLiteral("%1==%2").arg(addressFilterName(kind(), e.address.family == StatAddress::Family::Ipv6),
                                                         QString::fromStdString(e.address.text()));
    if (!statKindHasPorts(kind())) return address;
    return QStringLiteral("%1 && %2==%3").arg(address, portFilterName(kind()), QString::number(e.port));
}

}  // namespace rcvmon
