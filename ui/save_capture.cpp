// SPDX-License-Identifier: GPL-2.0-or-later
#include "save_capture.h"

#include "capture_controller.h"
#include "capture_spool.h"
#include "packet_comments.h"
#include "packet_store_view.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

namespace rcvmon {

namespace {

// Packet comments the user added to an opened file live only beside it (PacketComments):
// before they go, the user may write every packet with them to a new pcapng file.
bool confirmDiscardComments(QWidget* window, CaptureController* controller, const SaveCapture::PathChooser& chooser,
                            const SaveCapture::ErrorSink& showError, const QString& why)
{
    PacketComments* comments = controller->packetComments();
    const PacketStoreView* store = controller->storeView();
    if (!comments->modified() || !store) return true;
    QMessageBox box(QMessageBox::Warning, SaveCapture::tr("Unsaved Packet Comments"),
                    SaveCapture::tr("Save the packet comments before %1?").arg(why), QMessageBox::NoButton, window);
    box.setObjectName(QStringLiteral("unsavedCommentsPrompt"));
    box.setInformativeText(SaveCapture::tr("The comments you added are not in any file yet. Saving writes every "
                                           "packet, with its comments, to a new pcapng file."));
    box.setStandardButtons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    const int answer = box.exec();
    if (answer == QMessageBox::Discard) {
        window->setWindowModified(false);  // what follows replaces the capture and its comments
        return true;
    }
    if (answer != QMessageBox::Save) return false;
    bool pcap = false;
    const QString path = chooser ? chooser(&pcap)
                                 : QFileDialog::getSaveFileName(window, SaveCapture::tr("Save Packets With Comments"),
                                                                QString(), SaveCapture::tr("pcapng (*.pcapng)"));
    if (path.isEmpty()) return false;
    std::vector<std::uint64_t> numbers;
    for (std::uint64_t n = store->firstNumber(); n < store->endNumber(); ++n) numbers.push_back(n);
    QString error;
    // pcap has no packet comments: always pcapng here.
    if (!controller->exportFrames(numbers, path, FileFormat::PcapNg, error)) {
        showError(SaveCapture::tr("Saving the packets with their comments failed: %1").arg(error));
        return false;
    }
    comments->markSaved();
    window->setWindowModified(false);
    return true;
}

}  // namespace

SaveCapture::SaveCapture(QWidget* window, CaptureController* controller, PathChooser chooser, ErrorSink showError)
    : QObject(window),
      m_window(window),
      m_controller(controller),
      m_chooser(std::move(chooser)),
      m_showError(std::move(showError))
{
    connect(m_controller, &CaptureController::stateChanged, this, &SaveCapture::updateActions);
}

void SaveCapture::addActions(QMenu* menu)
{
    m_save = menu->addAction(tr("&Save"));
    m_save->setObjectName(QStringLiteral("actionSave"));
    m_save->setShortcut(QKeySequence::Save);
    connect(m_save, &QAction::triggered, this, &SaveCapture::save);
    m_saveAs = menu->addAction(tr("Save &As…"));
    m_saveAs->setObjectName(QStringLiteral("actionSaveAs"));
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAs, &QAction::triggered, this, &SaveCapture::saveAs);
    updateActions();
}

void SaveCapture::updateActions()
{
    const bool spooled = m_controller->spool() != nullptr;
    if (m_save) m_save->setEnabled(spooled);
    if (m_saveAs) m_saveAs->setEnabled(spooled);
}

bool SaveCapture::save()
{
    const CaptureSpool* spool = m_controller->spool();
    if (spool && !m_savedPath.isEmpty() && m_savedSpool == QString::fromStdString(spool->path()))
        return saveTo(m_savedPath, m_savedPcap);
    return saveAs();
}

bool SaveCapture::saveAs()
{
    if (!m_controller->spool()) {
        m_showError(tr("There is no live capture to save: an opened file is already on disk."));
        return false;
    }
    bool pcap = false;
    QString path;
    if (m_chooser) {
        path = m_chooser(&pcap);
    } else {
        QString filter;
        path = QFileDialog::getSaveFileName(m_window, tr("Save Capture As"), QString(),
                                            tr("pcapng (*.pcapng);;pcap (*.pcap)"), &filter);
        pcap = filter.startsWith(QStringLiteral("pcap ")) || path.endsWith(QStringLiteral(".pcap"));
    }
    if (path.isEmpty()) return false;
    return saveTo(path, pcap);
}

bool SaveCapture::saveTo(const QString& path, bool pcap)
{
    QString error;
    // The copy runs on its own thread and the window stays live; this keeps the user's hands
    // off it meanwhile, and shows itself when saving takes longer than a moment.
    QProgressDialog progress(tr("Saving the capture to %1…").arg(QDir::toNativeSeparators(path)), QString(), 0, 0,
                             m_window);
    progress.setObjectName(QStringLiteral("saveProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    progress.setValue(0);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = m_controller->saveCapture(path, pcap ? FileFormat::Pcap : FileFormat::PcapNg, error);
    QApplication::restoreOverrideCursor();
    progress.reset();
    if (!ok) {
        m_showError(tr("Saving the capture failed: %1").arg(error));
        return false;
    }
    m_savedPath = path;
    m_savedPcap = pcap;
    m_savedSpool = m_controller->spool() ? QString::fromStdString(m_controller->spool()->path()) : QString();
    // Saved as pcapng, the packet comments went with it; pcap cannot hold them.
    m_window->setWindowModified(m_controller->packetComments()->modified());
    return true;
}

SaveCapture::Answer SaveCapture::ask(const QString& why) const
{
    const CaptureSpool* spool = m_controller->spool();
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Capture"),
                    tr("Save the captured packets before %1?").arg(why), QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("unsavedCapturePrompt"));
    const QLocale locale;
    box.setInformativeText(tr("%1 packets are only in the temporary file %2. If you do not save them, they are lost.")
                               .arg(locale.toString(static_cast<qulonglong>(m_controller->counters().captured)),
                                    QDir::toNativeSeparators(QString::fromStdString(spool->path()))));
    box.setStandardButtons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Save: return Answer::Save;
    case QMessageBox::Discard: return Answer::Discard;
    default: return Answer::Cancel;
    }
}

bool SaveCapture::confirmDiscard(const QString& why)
{
    if (!m_controller->hasUnsavedCapture()) return confirmDiscardComments(m_window, m_controller, m_chooser, m_showError, why);
    switch (ask(why)) {
    case Answer::Save:
        m_controller->stop();  // what is saved is everything: nothing arrives after it
        return save();
    case Answer::Discard: return true;
    case Answer::Cancel: break;
    }
    return false;
}

}  // namespace rcvmon
