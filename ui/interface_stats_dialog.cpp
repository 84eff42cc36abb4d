// SPDX-License-Identifier: GPL-2.0-or-later
#include "interface_stats_dialog.h"

#include "packet_table_model.h"

#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rcvmon {

InterfaceStatsDialog::InterfaceStatsDialog(QWidget* parent) : QDialog(parent), m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Interface Statistics"));
    setObjectName(QStringLiteral("interfaceStatsDialog"));
    m_table->setObjectName(QStringLiteral("interfaceStatsTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Interface"), tr("State"), tr("Mode"), tr("Packets"), tr("Kernel drops"),
                                        tr("Ring drops"), tr("Remote kernel drops"), tr("Remote ring drops")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    resize(820, 220);
}

void InterfaceStatsDialog::setMembers(const std::vector<SourceMerger::MemberStatus>& members)
{
    const QLocale locale;
    const auto n = [&](std::uint64_t v) { return locale.toString(static_cast<qulonglong>(v)); };
    m_table->setRowCount(static_cast<int>(members.size()));
    for (int row = 0; row < static_cast<int>(members.size()); ++row) {
        const auto& m = members[static_cast<std::size_t>(row)];
        const bool remote = m.name.find(':') != std::string::npos;
        const std::uint64_t far = m.stats.remoteKernel + m.stats.remoteRing;
        QString state = tr("capturing");
        if (m.state == SourceMerger::MemberState::Failed) state = tr("lost: %1").arg(QString::fromStdString(m.message));
        if (m.state == SourceMerger::MemberState::Ended) state = tr("ended");
        const QString cells[ColumnCount] = {
            QString::fromStdString(m.name),
            state,
            modeName(m.mode),
            n(m.stats.received),
            remote ? QStringLiteral("—") : n(m.stats.droppedKernel - std::min(m.stats.droppedKernel, far)),
            n(m.droppedQueue),
            remote ? n(m.stats.remoteKernel) : QStringLiteral("—"),
            remote ? n(m.stats.remoteRing) : QStringLiteral("—"),
        };
        for (int c = 0; c < ColumnCount; ++c) {
            QTableWidgetItem* item = m_table->item(row, c);
            if (!item) m_table->setItem(row, c, item = new QTableWidgetItem);
            if (item->text() != cells[c]) item->setText(cells[c]);
            item->setTextAlignment(c >= Packets ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
}

}  // namespace rcvmon
