// SPDX-License-Identifier: GPL-2.0-or-later
#include "conversation_model.h"

#include "statistics_feed.h"

namespace rcvmon {

namespace {
QString addressText(const StatAddress& address)
{
    return QString::fromStdString(address.text());
}

// Wireshark leaves bits/s empty when a conversation lasted no measurable time.
QVariant bitsPerSecond(std::uint64_t bytes, double seconds, int role)
{
    if (seconds <= 0.0) return role == StatTableModel::SortRole ? QVariant(0.0) : QVariant(QString());
    const double bits = static_cast<double>(bytes) * 8.0 / seconds;
    return role == StatTableModel::SortRole ? QVariant(bits) : QVariant(QString::number(bits, 'f', 0));
}
}  // namespace

int ConversationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConversationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    static const char* const names[ColumnCount] = {
        "Address A", "Port A", "Address B", "Port B", "Packets", "Bytes", "Packets A → B", "Bytes A → B",
        "Packets B → A", "Bytes B → A", "Rel Start", "Duration", "Bits/s A → B", "Bits/s B → A"};
    return section >= 0 && section < ColumnCount ? QVariant(QString::fromUtf8(names[section])) : QVariant();
}

std::size_t ConversationModel::sourceRows() const
{
    return m_feed->statistics().conversations(kind()).size();
}

QVariant ConversationModel::cell(std::size_t row, int column, int role) const
{
    const Conversation& c = m_feed->statistics().conversations(kind()).conversations()[row];
    const auto number = [](std::uint64_t v) { return QVariant::fromValue<qulonglong>(v); };
    const double duration = c.stop.seconds() - c.start.seconds();
    switch (column) {
    case AddressA: return addressText(c.addressA);
    case AddressB: return addressText(c.addressB);
    case PortA: return statKindHasPorts(kind()) ? number(c.portA) : QVariant();
    case PortB: return statKindHasPorts(kind()) ? number(c.portB) : QVariant();
    case Packets: return number(c.frames());
    case Bytes: return number(c.bytes());
    case PacketsAToB: return number(c.aToB.frames);
    case BytesAToB: return number(c.aToB.bytes);
    case PacketsBToA: return number(c.bToA.frames);
    case BytesBToA: return number(c.bToA.bytes);
    case RelStart: return relStartCell(c.start, role);
    case Duration: return durationCell(c.start, c.stop, role);
    case BitsAToB: return bitsPerSecond(c.aToB.bytes, duration, role);
    case BitsBToA: return bitsPerSecond(c.bToA.bytes, duration, role);
    default: return {};
    }
}

QString ConversationModel::filterText(std::size_t row) const
{
    const Conversation& c = m_feed->statistics().conversations(kind()).conversations()[row];
    const QString address = addressFilterName(kind(), c.addressA.family == StatAddress::Family::Ipv6);
    if (!statKindHasPorts(kind()))
        return QStringLiteral("%1==%2 && %1==%3").arg(address, addressText(c.addressA), addressText(c.addressB));
    return QStringLiteral("%1==%2 && %3==%4 && %1==%5 && %3==%6")
        .arg(address, addressText(c.addressA), portFilterName(kind()), QString::number(c.portA),
             addressText(c.addressB), QString::number(c.portB));
}

}  // namespace rcvmon
