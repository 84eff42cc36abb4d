// SPDX-License-Identifier: GPL-2.0-or-later
#include "export_dissections_dialog.h"

#include "capture_controller.h"
#include "sequential_dissection.h"

#include "packet_table_model.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace rcvmon {

namespace {
constexpr auto kSlice = std::chrono::milliseconds(10);

QString formatName(DissectionFormat format)
{
    switch (format) {
    case DissectionFormat::Csv: return QStringLiteral("CSV");
    case DissectionFormat::Json: return QStringLiteral("JSON");
    case DissectionFormat::PlainText: return QStringLiteral("Plain Text");
    }
    return {};
}

QString fileFilter(DissectionFormat format)
{
    switch (format) {
    case DissectionFormat::Csv: return QObject::tr("Comma-separated values (*.csv)");
    case DissectionFormat::Json: return QObject::tr("JSON (*.json)");
    case DissectionFormat::PlainText: return QObject::tr("Plain text (*.txt)");
    }
    return {};
}

// Wireshark's plain-text summary widths for its own columns; a custom column gets its title's.
void plainTextWidth(ExportColumn& column)
{
    switch (column.section) {
    case PacketTableModel::Number: column.width = 7; column.alignRight = true; break;
    case PacketTableModel::Time: column.width = 14; break;
    case PacketTableModel::Source:
    case PacketTableModel::Destination: column.width = 21; break;
    case PacketTableModel::Protocol: column.width = 8; break;
    case PacketTableModel::Length: column.width = 6; break;
    default: column.width = 0; break;
    }
    column.width = std::max<int>(column.width, int(column.title.size()));
}
}  // namespace

std::vector<ExportColumn> ExportDissectionsDialog::visibleColumns(const QTableView& table)
{
    std::vector<ExportColumn> out;
    const QHeaderView* header = table.horizontalHeader();
    const QAbstractItemModel* model = table.model();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int section = header->logicalIndex(visual);
        if (section < 0 || header->isSectionHidden(section)) continue;
        ExportColumn column;
        column.section = section;
        column.title = model->headerData(section, Qt::Horizontal, Qt::DisplayRole).toString();
        plainTextWidth(column);
        out.push_back(column);
    }
    return out;
}

ExportDissectionsDialog::ExportDissectionsDialog(DissectionFormat format, QTableView* table, PacketTableModel* packets, QWidget* parent)
    : QDialog(parent), m_format(format), m_table(table), m_packets(packets), m_path(new QLineEdit(this)),
      m_displayed(new QRadioButton(tr("All &displayed"), this)), m_selected(new QRadioButton(tr("&Selected only"), this)),
      m_marked(new QRadioButton(tr("&Marked only"), this)), m_frames(new QRadioButton(tr("&Range:"), this)),
      m_frameRange(new QLineEdit(this)), m_progress(new QProgressBar(this)), m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)), m_timer(new QTimer(this))
{
    setWindowTitle(tr("RcvMon · Export Packet Dissections as %1").arg(formatName(format)));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    auto* file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browse);
    auto* range = new QGroupBox(tr("Packet Range"), this);
    auto* rangeLayout = new QFormLayout(range);
    rangeLayout->addRow(m_displayed);
    rangeLayout->addRow(m_selected);
    rangeLayout->addRow(m_marked);
    m_frameRange->setPlaceholderText(tr("first-last, e.g. 1-100"));
    rangeLayout->addRow(m_frames, m_frameRange);
    m_displayed->setChecked(true);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_message->setWordWrap(true);
    QPushButton* exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    form->addRow(tr("File:"), file);
    layout->addLayout(form);
    layout->addWidget(range);
    layout->addWidget(new QLabel(format == DissectionFormat::Json
                                     ? tr("Each packet's protocol layers and fields, as tshark -T json writes them.")
                                     : tr("Columns: the packet list's shown columns, in its order and with its titles."),
                                 this));
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(520, 360);
    updateCounts();

    connect(browse, &QPushButton::clicked, this, &ExportDissectionsDialog::browse);
    connect(exportButton, &QPushButton::clicked, this, [this] { start(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDissectionsDialog::reject);
    connect(m_frameRange, &QLineEdit::textEdited, this, [this] { m_frames->setChecked(true); });
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &ExportDissectionsDialog::slice);
}

ExportDissectionsDialog::~ExportDissectionsDialog() = default;

void ExportDissectionsDialog::setPath(const QString& path) { m_path->setText(path); }

void ExportDissectionsDialog::setFrameRange(const QString& text)
{
    m_frameRange->setText(text);
    m_frames->setChecked(true);
}

void ExportDissectionsDialog::setRange(Range range)
{
    switch (range) {
    case Range::Displayed: m_displayed->setChecked(true); break;
    case Range::Selected: m_selected->setChecked(true); break;
    case Range::Marked: m_marked->setChecked(true); break;
    case Range::FrameRange: m_frames->setChecked(true); break;
    }
}

ExportDissectionsDialog::Range ExportDissectionsDialog::range() const
{
    if (m_selected->isChecked()) return Range::Selected;
    if (m_marked->isChecked()) return Range::Marked;
    if (m_frames->isChecked()) return Range::FrameRange;
    return Range::Displayed;
}

QString ExportDissectionsDialog::message() const { return m_message->text(); }

void ExportDissectionsDialog::reject()
{
    if (m_export) stop(false, tr("Cancelled: nothing was written."));
    else QDialog::reject();
}

std::size_t ExportDissectionsDialog::countIn(Range range) const
{
    switch (range) {
    case Range::Displayed: return std::size_t(m_packets->rowCount());
    case Range::Selected: return std::size_t(m_table->selectionModel() ? m_table->selectionModel()->selectedRows().size() : 0);
    case Range::Marked: return framesIn(Range::Marked).size();
    case Range::FrameRange: return framesIn(Range::FrameRange).size();
    }
    return 0;
}

void ExportDissectionsDialog::updateCounts()
{
    m_displayed->setText(tr("All &displayed (%1)").arg(countIn(Range::Displayed)));
    m_selected->setText(tr("&Selected only (%1)").arg(countIn(Range::Selected)));
    m_marked->setText(tr("&Marked only (%1)").arg(countIn(Range::Marked)));
}

std::vector<std::uint64_t> ExportDissectionsDialog::framesIn(Range range) const
{
    std::vector<std::uint64_t> out;
    switch (range) {
    case Range::Displayed:
        // The frame numbers only (8 bytes a packet); their text is made as they are written.
        out.resize(std::size_t(m_packets->rowCount()));
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = m_packets->frameNumber(int(i));
        break;
    case Range::Selected:
        if (!m_table->selectionModel()) break;
        for (const QModelIndex& index : m_table->selectionModel()->selectedRows()) out.push_back(m_packets->frameNumber(index.row()));
        std::sort(out.begin(), out.end());
        break;
    case Range::Marked:
        for (const std::uint64_t n : m_packets->markedFrames())
            if (m_packets->rowForFrame(n) >= 0) out.push_back(n);
        break;
    case Range::FrameRange: {
        // "first-last" or one number; frames the display filter hides are left out, as
        // Wireshark's range counts displayed packets.
        const QStringList parts = m_frameRange->text().trimmed().split(QLatin1Char('-'));
        bool okFirst = false, okLast = false;
        const qulonglong first = parts.value(0).trimmed().toULongLong(&okFirst);
        const qulonglong last = parts.size() > 1 ? parts.value(1).trimmed().toULongLong(&okLast) : first;
        if (!okFirst || (parts.size() > 1 && !okLast) || parts.size() > 2 || last < first) break;
        const int rows = m_packets->rowCount();
        if (rows == 0) break;
        // Rows ascend by frame number: find the first row at or after `first`.
        int lo = 0, hi = rows;
        while (lo < hi) {
            const int mid = lo + (hi - lo) / 2;
            if (m_packets->frameNumber(mid) < first) lo = mid + 1;
            else hi = mid;
        }
        for (int r = lo; r < rows && m_packets->frameNumber(r) <= last; ++r) out.push_back(m_packets->frameNumber(r));
        break;
    }
    }
    return out;
}

void ExportDissectionsDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, windowTitle(), m_path->text(), fileFilter(m_format));
    if (!path.isEmpty()) m_path->setText(path);
}

bool ExportDissectionsDialog::start()
{
    if (m_export) return false;
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        m_message->setText(tr("Choose the file to write."));
        return false;
    }
    std::vector<std::uint64_t> frames = framesIn(range());
    if (frames.empty()) {
        m_message->setText(range() == Range::FrameRange && m_frameRange->text().trimmed().isEmpty()
                               ? tr("Enter a range of frame numbers, e.g. 1-100.")
                               : tr("There are no packets in this range."));
        return false;
    }
    std::vector<ExportColumn> columns = visibleColumns(*m_table);
    PacketTableModel* packets = m_packets;
    m_export = std::make_unique<DissectionExport>(*m_table->model(), [packets](std::uint64_t n) { return packets->rowForFrame(n); },
                                                  std::move(columns), std::move(frames), m_format);
    if (m_format == DissectionFormat::Json && m_controller && m_controller->storeView()) {
        m_layers = std::make_unique<SequentialDissection>(*m_controller->storeView());
        CaptureController* controller = m_controller;
        m_layers->dissector().setInterfaceNames([controller](std::uint32_t id) { return controller->interfaceNameView(id); });
        SequentialDissection* layers = m_layers.get();
        m_export->setLayers([layers](std::uint64_t n) { return layers->at(n); });
    }
    QString error;
    if (!m_export->open(path, error)) {
        m_export.reset();
        m_message->setText(tr("Cannot write %1: %2").arg(path, error));
        emit finished(false);
        return false;
    }
    m_message->setText(tr("Exporting %n packet(s)…", nullptr, int(m_export->total())));
    m_progress->setValue(0);
    for (QAbstractButton* b : m_buttons->buttons())
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole) b->setEnabled(false);
    m_timer->start();
    return true;
}

void ExportDissectionsDialog::slice()
{
    if (!m_export) return;
    QString error;
    const bool more = m_export->step(kSlice, error);
    m_progress->setValue(int(1000.0 * double(m_export->done()) / double(std::max<std::size_t>(1, m_export->total()))));
    if (!error.isEmpty()) return stop(false, tr("Export failed: %1").arg(error));
    if (more) return;
    if (!m_export->finish(error)) return stop(false, tr("Export failed: %1").arg(error));
    const std::size_t written = m_export->total() - m_export->skipped();
    QString text = tr("Exported %n packet(s) to %1.", nullptr, int(written)).arg(m_path->text().trimmed());
    if (m_export->skipped() > 0) text += tr(" %n packet(s) left the capture before they were written.", nullptr, int(m_export->skipped()));
    stop(true, text);
}

void ExportDissectionsDialog::stop(bool ok, const QString& message)
{
    m_timer->stop();
    m_export.reset();  // an uncommitted export removes its temporary file
    m_layers.reset();
    m_message->setText(message);
    if (ok) m_progress->setValue(m_progress->maximum());
    for (QAbstractButton* b : m_buttons->buttons())
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole) b->setEnabled(true);
    emit finished(ok);
}

}  // namespace rcvmon
