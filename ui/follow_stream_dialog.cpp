// SPDX-License-Identifier: GPL-2.0-or-later
#include "follow_stream_dialog.h"

#include "follow_stream_source.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QVBoxLayout>

#include <array>
#include <string>

namespace rcvmon {
namespace {

// Wireshark's default colours: the client in red on pink, the server in blue on lavender.
QTextCharFormat sideFormat(bool server)
{
    QTextCharFormat f;
    f.setForeground(server ? QColor(0x00, 0x00, 0x7f) : QColor(0x7f, 0x00, 0x00));
    f.setBackground(server ? QColor(0xed, 0xed, 0xfb) : QColor(0xfb, 0xed, 0xed));
    return f;
}

QString protocolTitle(FollowProtocol p)
{
    switch (p) {
    case FollowProtocol::Tcp: return QObject::tr("TCP");
    case FollowProtocol::Udp: return QObject::tr("UDP");
    case FollowProtocol::Tls: return QObject::tr("TLS");
    case FollowProtocol::Http: return QObject::tr("HTTP");
    }
    return {};
}

}  // namespace

FollowStreamDialog::FollowStreamDialog(FollowStreamSource& source, FollowProtocol protocol, std::uint32_t stream,
                                       QWidget* parent)
    : QDialog(parent), m_source(source), m_protocol(protocol), m_stream(stream)
{
    setObjectName(QStringLiteral("followStreamDialog"));
    resize(820, 600);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_view = new QPlainTextEdit(this);
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFont(QStringLiteral("monospace")));
    m_view->setObjectName(QStringLiteral("followText"));

    m_formatBox = new QComboBox(this);
    m_formatBox->setObjectName(QStringLiteral("showDataAs"));
    m_formatBox->addItem(tr("ASCII"), int(FollowFormat::Ascii));
    m_formatBox->addItem(tr("Hex Dump"), int(FollowFormat::HexDump));
    m_formatBox->addItem(tr("C Arrays"), int(FollowFormat::CArrays));
    m_formatBox->addItem(tr("YAML"), int(FollowFormat::Yaml));
    m_formatBox->addItem(tr("Raw"), int(FollowFormat::Raw));
    connect(m_formatBox, &QComboBox::currentIndexChanged, this,
            [this] { setFormat(static_cast<FollowFormat>(m_formatBox->currentData().toInt())); });

    m_streamBox = new QSpinBox(this);
    m_streamBox->setObjectName(QStringLiteral("streamIndex"));
    const std::uint32_t count = m_source.streamCount(protocol);
    m_streamBox->setRange(0, count == 0 ? 0 : static_cast<int>(count - 1));
    m_streamBox->setValue(static_cast<int>(stream));
    connect(m_streamBox, &QSpinBox::valueChanged, this, [this](int v) { setStream(static_cast<std::uint32_t>(v)); });

    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("findText"));
    m_find->setPlaceholderText(tr("Find"));
    auto* findButton = new QPushButton(tr("Find &Next"), this);
    connect(findButton, &QPushButton::clicked, this, [this] { findNext(m_find->text()); });
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(m_find->text()); });

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Show data as"), this));
    controls->addWidget(m_formatBox);
    controls->addStretch();
    controls->addWidget(new QLabel(tr("Stream"), this));
    controls->addWidget(m_streamBox);
    auto* findRow = new QHBoxLayout;
    findRow->addWidget(new QLabel(tr("Find:"), this));
    findRow->addWidget(m_find, 1);
    findRow->addWidget(findButton);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_filterOut = buttons->addButton(tr("Filter Out This Stream"), QDialogButtonBox::ActionRole);
    m_filterOut->setObjectName(QStringLiteral("filterOutStream"));
    connect(m_filterOut, &QPushButton::clicked, this, &FollowStreamDialog::filterOut);
    QPushButton* save = buttons->addButton(tr("Save as…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("saveAs"));
    connect(save, &QPushButton::clicked, this, &FollowStreamDialog::saveAs);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    layout->addLayout(controls);
    layout->addLayout(findRow);
    layout->addWidget(buttons);
    load();
}

void FollowStreamDialog::setStream(std::uint32_t stream)
{
    m_stream = stream;
    if (m_streamBox->value() != static_cast<int>(stream)) m_streamBox->setValue(static_cast<int>(stream));
    load();
}

void FollowStreamDialog::setFormat(FollowFormat format)
{
    m_format = format;
    const int index = m_formatBox->findData(int(format));
    if (m_formatBox->currentIndex() != index) m_formatBox->setCurrentIndex(index);
    render();
}

void FollowStreamDialog::load()
{
    m_followed = m_source.follow(m_protocol, m_stream);
    setWindowTitle(tr("Follow %1 Stream (%2)").arg(protocolTitle(m_protocol), QString::fromStdString(m_followed.filter)));
    m_filterOut->setEnabled(m_source.streamCount(m_protocol) > m_stream);
    render();
}

void FollowStreamDialog::render()
{
    m_view->clear();
    QTextCursor cursor(m_view->document());
    std::string text;
    appendFollowPreamble(text, m_followed, m_format);
    cursor.insertText(QString::fromStdString(text), QTextCharFormat());
    std::array<std::uint64_t, 2> offset{};
    std::array<std::uint32_t, 2> index{};
    for (const FollowChunk& c : m_followed.chunks) {
        const int side = c.server ? 1 : 0;
        text.clear();
        appendFollowChunk(text, m_followed, c, m_format, offset[side], index[side]);
        offset[side] += c.length;
        ++index[side];
        // As Wireshark's dialog: line ends show as one break, "\r\n" included.
        if (m_format == FollowFormat::Ascii) std::erase(text, '\r');
        cursor.insertText(QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size())), sideFormat(c.server));
    }
    m_view->moveCursor(QTextCursor::Start);

    const FollowStream& s = m_followed;
    QString summary;
    if (s.client.port == 0 && s.chunks.empty()) {
        summary = m_protocol == FollowProtocol::Tls
                      ? tr("No decrypted TLS application data in this stream: without the session keys there is "
                           "none to show (tshark's follow,tls shows the same).")
                      : tr("No payload in this stream.");
    } else {
        summary = tr("%1 → %2   client %3 bytes, server %4 bytes, %5 chunks")
                      .arg(QString::fromStdString(followEndpointText(s.client)),
                           QString::fromStdString(followEndpointText(s.server)))
                      .arg(s.sentBy(false))
                      .arg(s.sentBy(true))
                      .arg(s.chunks.size());
    }
    m_summary->setText(summary);
}

QString FollowStreamDialog::text() const { return m_view->toPlainText(); }

bool FollowStreamDialog::findNext(const QString& text)
{
    if (text.isEmpty()) return false;
    if (m_view->find(text)) return true;
    m_view->moveCursor(QTextCursor::Start);
    return m_view->find(text);
}

QString FollowStreamDialog::filterOutText() const
{
    const QString transport = m_protocol == FollowProtocol::Udp ? QStringLiteral("udp") : QStringLiteral("tcp");
    return QStringLiteral("!(%1.stream eq %2)").arg(transport).arg(m_stream);
}

void FollowStreamDialog::filterOut()
{
    emit filterRequested(filterOutText());
}

bool FollowStreamDialog::saveTo(const QString& path, QString* error)
{
    QSaveFile file(path);  // a temporary file renamed over `path` on commit
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok && m_format == FollowFormat::Raw) {
        for (const FollowChunk& c : m_followed.chunks) {
            const ByteSpan d = m_followed.data(c);
            ok = ok && file.write(reinterpret_cast<const char*>(d.data()), static_cast<qint64>(d.size())) ==
                           static_cast<qint64>(d.size());
        }
    } else if (ok) {
        const QByteArray bytes = text().toLatin1();
        ok = file.write(bytes) == bytes.size();
    }
    ok = ok && file.commit();
    if (!ok && error) *error = tr("Could not save %1: %2").arg(path, file.errorString());
    return ok;
}

void FollowStreamDialog::saveAs()
{
    const QString path = m_chooser ? m_chooser()
                                   : QFileDialog::getSaveFileName(this, tr("Save Stream Content As…"));
    if (path.isEmpty()) return;
    QString error;
    if (!saveTo(path, &error)) m_summary->setText(error);
}

}  // namespace rcvmon
