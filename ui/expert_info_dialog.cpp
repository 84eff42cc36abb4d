// SPDX-License-Identifier: GPL-2.0-or-later
#include "expert_info_dialog.h"

#include "expert_info_model.h"
#include "expert_scan.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace rcvmon {

ExpertInfoDialog::ExpertInfoDialog(ExpertScan& scan, ExpertInfoModel& model, QWidget* parent)
    : QDialog(parent),
      m_scan(scan),
      m_model(model),
      m_proxy(new QSortFilterProxyModel(this)),
      m_tree(new QTreeView(this)),
      m_totals(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_rescan(new QPushButton(tr("&Refresh"), this))
{
    setWindowTitle(tr("RcvMon · Expert Information"));
    setObjectName(QStringLiteral("expertInfoDialog"));
    m_proxy->setSourceModel(&m_model);
    m_proxy->setSortRole(ExpertInfoModel::SortRole);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);  // groups may hold a million packets
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(-1, Qt::AscendingOrder);  // the model's order (most severe first) until asked
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ExpertInfoModel::Summary, QHeaderView::Stretch);
    m_progress->setRange(0, 1000);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_totals, 1);
    bottom->addWidget(m_progress, 1);
    bottom->addWidget(m_cancel);
    bottom->addWidget(m_rescan);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addLayout(bottom);
    layout->addWidget(buttons);
    resize(900, 480);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_cancel, &QPushButton::clicked, &m_scan, &ExpertScan::cancel);
    connect(m_cancel, &QPushButton::clicked, this, &ExpertInfoDialog::updateState);
    connect(m_rescan, &QPushButton::clicked, this, &ExpertInfoDialog::rescanRequested);
    connect(m_tree, &QTreeView::activated, this, &ExpertInfoDialog::activate);
    connect(&m_scan, &ExpertScan::progressed, this, &ExpertInfoDialog::updateState);
    connect(&m_scan, &ExpertScan::finished, this, &ExpertInfoDialog::updateState);
    connect(&m_scan, &ExpertScan::cleared, this, &ExpertInfoDialog::updateState);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &ExpertInfoDialog::updateState);
    updateState();
}

QString ExpertInfoDialog::totalsText() const { return m_totals->text(); }

void ExpertInfoDialog::updateState()
{
    const bool running = m_scan.running();
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    m_rescan->setEnabled(!running);
    if (running) {
        m_progress->setValue(int(m_scan.progress() * 1000));
        m_totals->setText(tr("Dissecting every packet in order… %L1 so far").arg(m_scan.framesScanned()));
        return;
    }
    if (!m_scan.error().isEmpty()) {
        m_totals->setText(m_scan.error());
        return;
    }
    const ExpertTally* tally = m_model.tally();
    if (!tally) {
        m_totals->setText(m_scan.hasResult() ? QString() : tr("Not scanned: press Refresh."));
        return;
    }
    QStringList parts;
    for (ExpertSeverity s : {ExpertSeverity::Error, ExpertSeverity::Warning, ExpertSeverity::Note, ExpertSeverity::Chat})
        parts << tr("%1: %L2").arg(ExpertInfoModel::severityText(s)).arg(tally->count(s));
    m_totals->setText(parts.join(QStringLiteral("   ")));
}

void ExpertInfoDialog::activate(const QModelIndex& index)
{
    const QVariant frame = index.data(ExpertInfoModel::FrameRole);
    if (frame.isValid()) emit frameRequested(frame.toULongLong());
}

}  // namespace rcvmon
