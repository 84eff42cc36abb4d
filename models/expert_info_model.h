// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "expert/expert_tally.h"

#include <QAbstractItemModel>
#include <QColor>

#include <cstdint>
#include <memory>
#include <vector>

namespace rcvmon {

// Statistics ▸ Expert Information as Wireshark's dialog has it: one top-level row per
// distinct (severity, group, protocol, summary), most severe first, with its count; its
// children are the packets it occurred in (rows made on demand from the tally's frame list).
class ExpertInfoModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Severity, Summary, Group, Protocol, Count, ColumnCount };
    enum Role {
        FrameRole = Qt::UserRole + 1,  // quint64: a packet row's frame, a group row's first frame
        SeverityRole,                  // int (ExpertSeverity)
        SortRole,                      // numbers as numbers
    };

    explicit ExpertInfoModel(QObject* parent = nullptr);

    // A finished scan's tally (null: empty).
    void setTally(std::shared_ptr<const ExpertTally> tally);
    const ExpertTally* tally() const { return m_tally.get(); }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString severityText(ExpertSeverity severity);
    // Wireshark's expert colours (ui/qt/utils/color_utils.cpp expert_color_*).
    static QColor severityColor(ExpertSeverity severity);

private:
    // A packet row's internal id is its group's index + 1; a group row's is 0.
    const ExpertTally::Entry& entry(int group) const { return m_tally->entries()[m_order[std::size_t(group)]]; }
    QVariant groupData(int group, int column, int role) const;
    QVariant packetData(int group, int row, int column, int role) const;

    std::shared_ptr<const ExpertTally> m_tally;
    std::vector<std::size_t> m_order;  // tally entries, most severe first, then first seen
};

}  // namespace rcvmon
