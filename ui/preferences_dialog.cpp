// SPDX-License-Identifier: GPL-2.0-or-later
#include "preferences_dialog.h"
#include "palette_tone.h"

#include "capture_controller.h"
#include "store/packet_store.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryFile>
#include <QVBoxLayout>

namespace rcvmon {

PreferencesDialog::PreferencesDialog(const SpoolSettings& settings, QWidget* parent)
    : QDialog(parent),
      m_directory(new QLineEdit(this)),
      m_memory(new QSpinBox(this)),
      m_disk(new QSpinBox(this)),
      m_problem(new QLabel(this))
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    m_directory->setObjectName(QStringLiteral("spoolDirectory"));
    m_directory->setPlaceholderText(QDir::toNativeSeparators(QDir::tempPath()));
    m_directory->setText(settings.directory);
    m_directory->setMinimumWidth(320);
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseSpoolDirectory"));
    connect(browse, &QPushButton::clicked, this, &PreferencesDialog::browse);
    auto* directoryRow = new QHBoxLayout;
    directoryRow->addWidget(m_directory, 1);
    directoryRow->addWidget(browse);

    m_memory->setObjectName(QStringLiteral("memoryBound"));
    m_memory->setRange(1, 1 << 30);
    m_memory->setSuffix(tr(" MiB"));
    const std::uint64_t memory = settings.memoryBoundMiB ? settings.memoryBoundMiB : defaultMemoryBound() >> 20;
    m_memory->setValue(static_cast<int>(std::min<std::uint64_t>(memory, 1u << 30)));
    m_disk->setObjectName(QStringLiteral("diskBound"));
    m_disk->setRange(0, 1 << 30);
    m_disk->setSuffix(tr(" MiB"));
    m_disk->setSpecialValueText(tr("No limit (until the disk is full)"));
    m_disk->setValue(static_cast<int>(std::min<std::uint64_t>(settings.diskBoundMiB, 1u << 30)));

    auto* form = new QFormLayout;
    form->addRow(tr("Spool directory:"), directoryRow);
    form->addRow(QString(), new QLabel(tr("Live captures are written here as they arrive; empty: %1.")
                                           .arg(QDir::toNativeSeparators(QDir::tempPath())),
                                       this));
    form->addRow(tr("Memory bound:"), m_memory);
    form->addRow(QString(), new QLabel(tr("The packet index (40 bytes a packet): a live capture stops there, an opened file opens as far as it fits; "
                                          "neither drops packets."), this));
    form->addRow(tr("Disk bound:"), m_disk);
    form->addRow(QString(), new QLabel(tr("The spool is a ring of files: past the bound the oldest file is deleted and its packets leave the list."), this));
    m_problem->setObjectName(QStringLiteral("preferencesProblem"));
    m_problem->setStyleSheet(errorTextStyle(palette()));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Changes apply to the next capture or opened file."), this));
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

SpoolSettings PreferencesDialog::settings() const
{
    SpoolSettings s;
    s.directory = m_directory->text().trimmed();
    s.memoryBoundMiB = static_cast<std::uint64_t>(m_memory->value());
    s.diskBoundMiB = static_cast<std::uint64_t>(m_disk->value());
    return s;
}

void PreferencesDialog::accept()
{
    const QString directory = m_directory->text().trimmed();
    if (!directory.isEmpty()) {
        // Say now, not at the next capture, when the directory cannot take a spool file.
        QDir().mkpath(directory);
        QTemporaryFile probe(QDir(directory).filePath(QStringLiteral("rcvmon-probe-XXXXXX")));
        if (!QFileInfo(directory).isDir() || !probe.open()) {
            m_problem->setText(tr("Live captures cannot be written to “%1”: choose a directory you can write to.")
                                   .arg(QDir::toNativeSeparators(directory)));
            m_problem->show();
            return;
        }
    }
    QDialog::accept();
}

void PreferencesDialog::browse()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Spool Directory"), m_directory->text());
    if (!chosen.isEmpty()) m_directory->setText(QDir::toNativeSeparators(chosen));
}

bool editPreferences(QWidget* parent, CaptureController& controller)
{
    PreferencesDialog dialog(SpoolSettings::load(), parent);
    if (dialog.exec() != QDialog::Accepted) return false;
    const SpoolSettings settings = dialog.settings();
    settings.save();
    settings.applyTo(controller);
    return true;
}

}  // namespace rcvmon
