// SPDX-License-Identifier: GPL-2.0-or-later
#include "remote_interfaces_dialog.h"

#include "live/ssh_target.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace rcvmon {

RemoteInterfacesDialog::RemoteInterfacesDialog(const QString& currentInterfaces, CaptureMode mode, QWidget* parent)
    : QDialog(parent),
      m_current(currentInterfaces),
      m_host(new QLineEdit(this)),
      m_listButton(new QPushButton(tr("&List Interfaces"), this)),
      m_interfaces(new QListWidget(this)),
      m_interface(new QLineEdit(this)),
      m_mode(new QComboBox(this)),
      m_beside(new QCheckBox(tr("Capture &beside the current interfaces (%1)").arg(currentInterfaces), this)),
      m_status(new QLabel(this))
{
    setWindowTitle(tr("Remote Interfaces"));
    m_host->setPlaceholderText(tr("user@host or user@host:port"));
    m_interface->setPlaceholderText(tr("e.g. eth0"));
    m_mode->addItem(tr("Promiscuous (RCVALL_ON)"), int(CaptureMode::On));
    m_mode->addItem(tr("IP level (RCVALL_IPLEVEL)"), int(CaptureMode::IpLevel));
    m_mode->setCurrentIndex(mode == CaptureMode::On ? 0 : 1);
    m_beside->setHidden(currentInterfaces.isEmpty());
    m_beside->setChecked(!currentInterfaces.isEmpty());
    m_status->setWordWrap(true);
    m_status->setText(tr("ssh runs with your own configuration, keys and agent; RcvMon never asks for or keeps a "
                         "password. Without rcvmon-cli on the host, tcpdump captures there at IP level."));

    auto* form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(QString(), m_listButton);
    form->addRow(tr("Interfaces:"), m_interfaces);
    form->addRow(tr("&Interface:"), m_interface);
    form->addRow(tr("&Mode:"), m_mode);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Start"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_beside);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_listButton, &QPushButton::clicked, this, &RemoteInterfacesDialog::listInterfaces);
    connect(m_interfaces, &QListWidget::currentTextChanged, m_interface, &QLineEdit::setText);
    connect(m_interfaces, &QListWidget::itemDoubleClicked, this, [this] { if (m_ok->isEnabled()) accept(); });
    connect(m_host, &QLineEdit::textChanged, this, &RemoteInterfacesDialog::updateOk);
    connect(m_interface, &QLineEdit::textChanged, this, &RemoteInterfacesDialog::updateOk);
    updateOk();
    resize(520, 420);
}

RemoteInterfacesDialog::~RemoteInterfacesDialog()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

QString RemoteInterfacesDialog::remoteUrl() const
{
    return QStringLiteral("ssh://") + m_host->text().trimmed() + QLatin1Char('/') + m_interface->text().trimmed();
}

void RemoteInterfacesDialog::updateOk()
{
    std::string error;
    const bool valid = parseSshTarget(remoteUrl().toStdString(), error).has_value();
    m_ok->setEnabled(valid);
    std::string hostError;
    m_listButton->setEnabled(!m_process &&
                             parseSshTarget(("ssh://" + m_host->text().trimmed() + "/x").toStdString(), hostError));
}

QString RemoteInterfacesDialog::interfaceName() const
{
    return !m_current.isEmpty() && m_beside->isChecked() ? m_current + QStringLiteral(", ") + remoteUrl() : remoteUrl();
}

CaptureMode RemoteInterfacesDialog::mode() const
{
    return static_cast<CaptureMode>(m_mode->currentData().toInt());
}

void RemoteInterfacesDialog::listInterfaces()
{
    std::string error;
    const auto target = parseSshTarget(("ssh://" + m_host->text().trimmed() + "/x").toStdString(), error);
    if (!target) return;
    QStringList args{QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-T")};
    if (target->port) args << QStringLiteral("-p") << QString::number(*target->port);
    args << QStringLiteral("--") << QString::fromStdString(target->destination())
         << QStringLiteral("rcvmon-cli -D 2>/dev/null || ip -o link show");
    m_process = new QProcess(this);
    m_status->setText(tr("Asking %1 for its interfaces…").arg(QString::fromStdString(target->host)));
    updateOk();
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        const QString out = QString::fromLocal8Bit(m_process->readAllStandardOutput());
        const QString err = QString::fromLocal8Bit(m_process->readAllStandardError()).trimmed();
        m_process->deleteLater();
        m_process = nullptr;
        const QStringList names = parseInterfaceList(out);
        m_interfaces->clear();
        m_interfaces->addItems(names);
        if (status != QProcess::NormalExit || exitCode != 0 || names.isEmpty())
            m_status->setText(tr("Could not list the interfaces: %1")
                                  .arg(err.isEmpty() ? tr("ssh exited with status %1").arg(exitCode) : err.section(QLatin1Char('\n'), -1)));
        else
            m_status->setText(tr("%n interface(s) found.", nullptr, int(names.size())));
        updateOk();
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart) return;
        m_status->setText(tr("ssh could not be started: is OpenSSH's client installed?"));
        m_process->deleteLater();
        m_process = nullptr;
        updateOk();
    });
    m_process->start(QStringLiteral("ssh"), args);
}

QStringList RemoteInterfacesDialog::parseInterfaceList(const QString& output)
{
    static const QRegularExpression rcvmon(QStringLiteral("^\\d+\\. (\\S+) \\("));
    static const QRegularExpression ipLink(QStringLiteral("^\\d+: ([^:@ ]+)[@:]"));
    QStringList names;
    for (const QString& line : output.split(QLatin1Char('\n'))) {
        QRegularExpressionMatch match = rcvmon.match(line);
        if (!match.hasMatch()) match = ipLink.match(line);
        if (match.hasMatch() && !names.contains(match.captured(1))) names << match.captured(1);
    }
    return names;
}

}  // namespace rcvmon
