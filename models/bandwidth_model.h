// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <cstdint>
#include <deque>
#include <vector>

namespace rcvmon {

// Traffic of one second: both directions and each protocol class.
struct BandwidthSecond {
    std::int64_t second = 0;  // Unix seconds (capture time)
    std::uint64_t bytesIn = 0, bytesOut = 0;
    std::uint64_t packetsIn = 0, packetsOut = 0;
    std::vector<std::uint64_t> bytesPerClass;  // indexed like classNames()
};

// The last `capacity` seconds of traffic as a table: one row per second, oldest first,
// columns bits/s and packets/s in and out, then bits/s per protocol class. Charts read it;
// rows are appended and the oldest removed, never reset while running.
class BandwidthModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Second, BitsIn, BitsOut, PacketsIn, PacketsOut, FirstClass };
    enum Role { ValueRole = Qt::UserRole + 1 };  // double, for charts

    explicit BandwidthModel(QObject* parent = nullptr);

    void setClassNames(const QStringList& names);
    const QStringList& classNames() const { return m_classNames; }
    void setCapacity(int seconds);
    int capacity() const { return m_capacity; }
    void clear();

    // Adds or updates a second. A second later than the last one appends (gaps become
    // zero rows); the last second again updates it; an older one is ignored.
    void addSecond(const BandwidthSecond& second);
    const BandwidthSecond& secondAt(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    double value(int row, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void append(const std::vector<BandwidthSecond>& rows);
    void trim();

    QStringList m_classNames;
    int m_capacity = 300;
    std::deque<BandwidthSecond> m_rows;
};

}  // namespace rcvmon
