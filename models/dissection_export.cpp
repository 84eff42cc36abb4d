// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissection_export.h"

#include "dissect/json_packet.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>

#include <string>

namespace rcvmon {

DissectionExport::DissectionExport(const QAbstractItemModel& model, RowOf rowOf, std::vector<ExportColumn> columns,
                                   std::vector<std::uint64_t> frames, DissectionFormat format)
    : m_model(model), m_rowOf(std::move(rowOf)), m_columns(std::move(columns)), m_frames(std::move(frames)), m_format(format)
{
}

void DissectionExport::appendCsv(QString& out, const QString& value)
{
    out += QLatin1Char('"');
    for (const QChar c : value) {
        if (c == QLatin1Char('"')) out += QLatin1Char('"');
        out += c;
    }
    out += QLatin1Char('"');
}

void DissectionExport::appendJsonString(QString& out, const QString& value)
{
    out += QLatin1Char('"');
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        default:
            if (c.unicode() < 0x20) out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else out += c;
        }
    }
    out += QLatin1Char('"');
}

bool DissectionExport::write(const QString& text, QString& error)
{
    const QByteArray utf8 = text.toUtf8();
    std::string why;
    if (m_file.append(reinterpret_cast<const std::uint8_t*>(utf8.constData()), std::size_t(utf8.size()), why)) return true;
    error = QString::fromStdString(why);
    return false;
}

bool DissectionExport::open(const QString& path, QString& error)
{
    std::string why;
    if (!m_file.create(path.toStdString(), why)) {
        error = QString::fromStdString(why);
        return false;
    }
    QString head;
    switch (m_format) {
    case DissectionFormat::Csv:
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            if (c) head += QLatin1Char(',');
            appendCsv(head, m_columns[c].title);
        }
        head += QLatin1Char('\n');
        break;
    case DissectionFormat::Json: head = QStringLiteral("["); break;
    case DissectionFormat::PlainText: {
        QStringList titles;
        for (const ExportColumn& c : m_columns) titles << c.title;
        m_cells = titles;
        appendRow(head, -1);
        break;
    }
    }
    return write(head, error);
}

// One packet's text; row -1: the plain-text title line (from m_cells).
void DissectionExport::appendRow(QString& out, int row)
{
    if (row >= 0) {
        m_cells.clear();
        for (const ExportColumn& c : m_columns) m_cells << m_model.index(row, c.section).data(Qt::DisplayRole).toString();
    }
    switch (m_format) {
    case DissectionFormat::Csv:
        for (qsizetype c = 0; c < m_cells.size(); ++c) {
            if (c) out += QLatin1Char(',');
            appendCsv(out, m_cells[c]);
        }
        out += QLatin1Char('\n');
        break;
    case DissectionFormat::Json:
        out += m_rowsWritten ? QStringLiteral(",\n") : QStringLiteral("\n");
        out += QStringLiteral("  {\n    \"_index\": \"packets\",\n    \"_type\": \"doc\",\n    \"_score\": null,\n"
                              "    \"_source\": {\n      \"layers\": {\n        \"_ws.col\": {");
        for (qsizetype c = 0; c < m_cells.size(); ++c) {
            out += c ? QStringLiteral(",\n          ") : QStringLiteral("\n          ");
            appendJsonString(out, m_columns[std::size_t(c)].title);
            out += QStringLiteral(": ");
            appendJsonString(out, m_cells[c]);
        }
        out += m_cells.isEmpty() ? QStringLiteral("}\n      }\n    }\n  }") : QStringLiteral("\n        }\n      }\n    }\n  }");
        break;
    case DissectionFormat::PlainText: {
        // Wireshark's summary line: each column padded to its width, one space between.
        QString line;
        for (qsizetype c = 0; c < m_cells.size(); ++c) {
            const ExportColumn& column = m_columns[std::size_t(c)];
            if (c) line += QLatin1Char(' ');
            const bool last = c + 1 == m_cells.size();
            if (column.alignRight) line += m_cells[c].rightJustified(column.width);
            else line += last ? m_cells[c] : m_cells[c].leftJustified(column.width);
        }
        while (line.endsWith(QLatin1Char(' '))) line.chop(1);
        out += line;
        out += QLatin1Char('\n');
        break;
    }
    }
    if (row >= 0) ++m_rowsWritten;
}

bool DissectionExport::step(std::chrono::milliseconds budget, QString& error)
{
    QElapsedTimer clock;
    clock.start();
    QString text;
    std::string packet;
    while (m_next < m_frames.size()) {
        const std::uint64_t frame = m_frames[m_next++];
        if (m_format == DissectionFormat::Json && m_layers) {
            const Dissection* dissection = m_layers(frame);
            if (!dissection) {
                ++m_skipped;
            } else {
                packet = m_rowsWritten++ ? ",\n" : "\n";
                appendJsonPacket(packet, *dissection);
                text += QString::fromUtf8(packet.data(), qsizetype(packet.size()));
            }
        } else if (const int row = m_rowOf(frame); row < 0) {
            ++m_skipped;
        } else {
            appendRow(text, row);
        }
        // The clock is read every few rows: a row costs microseconds.
        if ((m_next & 15) == 0 && clock.elapsed() >= budget.count()) break;
    }
    if (!write(text, error)) return false;
    return m_next < m_frames.size();
}

bool DissectionExport::finish(QString& error)
{
    while (m_next < m_frames.size())
        if (!step(std::chrono::milliseconds(1000), error) && !error.isEmpty()) return false;
    if (m_format == DissectionFormat::Json && !write(m_rowsWritten ? QStringLiteral("\n]\n") : QStringLiteral("]\n"), error))
        return false;
    std::string why;
    if (m_file.commit(why)) return true;
    error = QString::fromStdString(why);
    return false;
}

}  // namespace rcvmon
