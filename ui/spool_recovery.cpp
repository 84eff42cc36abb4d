// SPDX-License-Identifier: GPL-2.0-or-later
#include "spool_recovery.h"

#include "capture_controller.h"
#include "main_window.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <atomic>
#include <thread>

namespace rcvmon {

SpoolRecoveryDialog::SpoolRecoveryDialog(std::vector<OrphanedCapture> orphans, QWidget* parent)
    : QDialog(parent), m_orphans(std::move(orphans)), m_list(new QListWidget(this))
{
    setWindowTitle(tr("Recover Captures"));
    setObjectName(QStringLiteral("spoolRecoveryDialog"));
    const QLocale locale;
    for (std::size_t i = 0; i < m_orphans.size(); ++i) {
        const OrphanedCapture& o = m_orphans[i];
        const QString when = locale.toString(QDateTime::fromSecsSinceEpoch(o.modifiedUnix), QLocale::ShortFormat);
        const QString name = QFileInfo(QString::fromStdString(o.files.front().path)).fileName();
        const QString files = o.files.size() == 1 ? QString() : tr(" (%n ring files)", nullptr, static_cast<int>(o.files.size()));
        auto* item = new QListWidgetItem(tr("%1%2 — %3, last written %4 (process %5)")
                                             .arg(name, files, locale.formattedDataSize(static_cast<qint64>(o.bytes)), when)
                                             .arg(o.pid),
                                         m_list);
        item->setData(Qt::UserRole, static_cast<qulonglong>(i));
        QStringList paths;
        for (const OrphanedSpool& file : o.files) paths << QDir::toNativeSeparators(QString::fromStdString(file.path));
        item->setToolTip(paths.join(QLatin1Char('\n')));
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
                               "Recover one to look at it and save it, or delete them. A capture spooled "
                               "to a ring of files is recovered as one capture."),
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

QString SpoolRecoveryDialog::recoverPath() const
{
    return m_chosen ? QString::fromStdString(m_chosen->files.front().path) : QString();
}

void SpoolRecoveryDialog::recoverSelected()
{
    const QList<QListWidgetItem*> selected = m_list->selectedItems();
    if (selected.size() != 1) return;
    m_chosen = &m_orphans[selected.first()->data(Qt::UserRole).toULongLong()];
    accept();
}

void SpoolRecoveryDialog::deleteSelected()
{
    for (QListWidgetItem* item : m_list->selectedItems()) {
        // Every file of the capture; the entry goes when none is left.
        bool left = false;
        for (const OrphanedSpool& file : m_orphans[item->data(Qt::UserRole).toULongLong()].files) {
            const QString path = QString::fromStdString(file.path);
            if (!QFile::remove(path) && QFileInfo::exists(path)) left = true;
        }
        if (!left) delete item;
    }
    if (m_list->count() == 0) reject();  // nothing left to decide
    updateButtons();
}

bool offerSpoolRecovery(MainWindow& window)
{
    const QString directory = window.controller()->spoolDirectory();
    std::vector<OrphanedCapture> orphans = findOrphanedCaptures(QDir::toNativeSeparators(directory).toStdString());
    if (orphans.empty()) return false;
    SpoolRecoveryDialog dialog(std::move(orphans), &window);
    if (dialog.exec() != QDialog::Accepted || !dialog.recoverCapture()) return false;
    const OrphanedCapture& capture = *dialog.recoverCapture();
    if (capture.files.size() == 1) return window.recoverSpool(dialog.recoverPath());
    // A ring's parts become one file first: gigabytes to copy, on a worker thread.
    std::string merged, error;
    QEventLoop loop;
    std::atomic<bool> done{false};
    std::thread worker([&] {
        merged = adoptCapture(capture, error);
        done.store(true, std::memory_order_release);
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    if (!done.load(std::memory_order_acquire)) loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker.join();
    if (merged.empty()) {
        QMessageBox::warning(&window, SpoolRecoveryDialog::tr("Recover Capture"), QString::fromStdString(error));
        return false;
    }
    return window.recoverSpool(QString::fromStdString(merged));
}

}  // namespace rcvmon
