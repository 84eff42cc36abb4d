// SPDX-License-Identifier: GPL-2.0-or-later
#include "spool_recovery.h"

#include "capture_controller.h"
#include "main_window.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace rcvmon {

SpoolRecoveryDialog::SpoolRecoveryDialog(std::vector<OrphanedSpool> orphans, QWidget* parent)
    : QDialog(parent), m_orphans(std::move(orphans)), m_list(new QListWidget(this))
{
    setWindowTitle(tr("Recover Captures"));
    setObjectName(QStringLiteral("spoolRecoveryDialog"));
    const QLocale locale;
    for (std::size_t i = 0; i < m_orphans.size(); ++i) {
        const OrphanedSpool& o = m_orphans[i];
        const QString when = locale.toString(QDateTime::fromSecsSinceEpoch(o.modifiedUnix), QLocale::ShortFormat);
        auto* item = new QListWidgetItem(tr("%1 — %2, last written %3 (process %4)")
                                             .arg(QFileInfo(QString::fromStdString(o.path)).fileName(),
                                                  locale.formattedDataSize(static_cast<qint64>(o.bytes)), when)
                                             .arg(o.pid),
                                         m_list);
        item->setData(Qt::UserRole, static_cast<qulonglong>(i));
        item->setToolTip(QDir::toNativeSeparators(QString::fromStdString(o.path)));
    }
    m_list->setObjectName(QStringLiteral("orphanList"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setCurrentRow(static_cast<int>(m_orphans.size()) - 1);  // the newest
    m_list->setMinimumWidth(720);

    auto* buttons = new QDialogButtonBox(this);
    m_recover = buttons->addButton(tr("&Recover"), QDialogButtonBox::AcceptRole);
    m_recover->setObjectName(QStringLiteral("recoverButton"));
    m_delete = buttons->addButton(tr("&Delete"), QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    QPushButton* later = buttons->addButton(tr("&Not Now"), QDialogButtonBox::RejectRole);
    later->setObjectName(QStringLiteral("laterButton"));
    connect(m_recover, &QPushButton::clicked, this, &SpoolRecoveryDialog::recoverSelected);
    connect(m_delete, &QPushButton::clicked, this, &SpoolRecoveryDialog::deleteSelected);
    connect(later, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &SpoolRecoveryDialog::updateButtons);

    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(tr("RcvMon ended without saving these live captures (a crash or a kill). "
                               "Recover one to look at it and save it, or delete them."),
                            this);
    text->setWordWrap(true);
    layout->addWidget(text);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    updateButtons();
}

int SpoolRecoveryDialog::remaining() const
{
    return m_list->count();
}

void SpoolRecoveryDialog::updateButtons()
{
    const int selected = static_cast<int>(m_list->selectedItems().size());
    m_recover->setEnabled(selected == 1);  // the window shows one capture
    m_delete->setEnabled(selected > 0);
}

void SpoolRecoveryDialog::recoverSelected()
{
    const QList<QListWidgetItem*> selected = m_list->selectedItems();
    if (selected.size() != 1) return;
    m_recoverPath = QString::fromStdString(m_orphans[selected.first()->data(Qt::UserRole).toULongLong()].path);
    accept();
}

void SpoolRecoveryDialog::deleteSelected()
{
    for (QListWidgetItem* item : m_list->selectedItems()) {
        const QString path = QString::fromStdString(m_orphans[item->data(Qt::UserRole).toULongLong()].path);
        if (QFile::remove(path) || !QFileInfo::exists(path)) delete item;
    }
    if (m_list->count() == 0) reject();  // nothing left to decide
    updateButtons();
}

bool offerSpoolRecovery(MainWindow& window)
{
    const QString directory = window.controller()->spoolDirectory();
    std::vector<OrphanedSpool> orphans = findOrphanedSpools(QDir::toNativeSeparators(directory).toStdString());
    if (orphans.empty()) return false;
    SpoolRecoveryDialog dialog(std::move(orphans), &window);
    if (dialog.exec() != QDialog::Accepted || dialog.recoverPath().isEmpty()) return false;
    return window.recoverSpool(dialog.recoverPath());
}

}  // namespace rcvmon
