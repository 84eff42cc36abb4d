// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/output_file.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

class QAbstractItemModel;

namespace rcvmon {

class Dissection;

// File ▸ Export Packet Dissections' formats.
enum class DissectionFormat { Csv, Json, PlainText };

// One column of the packet list as exported: the model's section, its title as the header
// shows it, and for plain text the width the summary line pads it to (0: none) and its side.
struct ExportColumn {
    int section = 0;
    QString title;
    int width = 0;
    bool alignRight = false;
};

// Writes the packet list's cells of the given frames, in the given columns, as Wireshark's
// Export Packet Dissections does:
// - CSV: a row of titles, then one row per packet, every value in double quotes ("" inside);
// - JSON: tshark -T json's layout of the packet's protocol layers ("_source" ▸ "layers" ▸
//   protocol ▸ field name: value) when setLayers() gives the dissections; without them, the
//   columns as the fields of tshark's "_ws.col" pseudo-protocol, keyed by their titles;
// - plain text: the titles, then one summary line per packet padded as Wireshark's.
// A cell's text is what the model gives the view (the table re-dissects the frame from the
// store as it does for a painted row), so a million packets cost no memory; step() writes for
// a bounded time, so the caller's event loop keeps running between slices. The file is a
// temporary one until finish() renames it into place.
class DissectionExport {
public:
    // The row of a frame in `model`; negative when it is no longer there (evicted).
    using RowOf = std::function<int(std::uint64_t)>;

    DissectionExport(const QAbstractItemModel& model, RowOf rowOf, std::vector<ExportColumn> columns,
                     std::vector<std::uint64_t> frames, DissectionFormat format);

    // JSON: each frame's dissection (null: no longer in the capture, skipped), asked for the
    // frames in the order given; the layers are written instead of the columns.
    using Layers = std::function<const Dissection*(std::uint64_t frame)>;
    void setLayers(Layers layers) { m_layers = std::move(layers); }

    // Creates the temporary file and writes the header; false with why.
    bool open(const QString& path, QString& error);
    // Writes packets for about `budget`; true while some remain. False with `error` set on a
    // write failure (the temporary file is removed).
    bool step(std::chrono::milliseconds budget, QString& error);
    // Writes the rest, closes the file and renames it into place.
    bool finish(QString& error);

    std::size_t total() const { return m_frames.size(); }
    std::size_t done() const { return m_next; }
    // Frames skipped because the table no longer held them (a live capture's eviction).
    std::size_t skipped() const { return m_skipped; }

    // The CSV form of one value: in double quotes, quotes doubled.
    static void appendCsv(QString& out, const QString& value);
    static void appendJsonString(QString& out, const QString& value);

private:
    void appendRow(QString& out, int row);
    bool write(const QString& text, QString& error);

    const QAbstractItemModel& m_model;
    RowOf m_rowOf;
    Layers m_layers;
    std::vector<ExportColumn> m_columns;
    std::vector<std::uint64_t> m_frames;
    DissectionFormat m_format;
    OutputFile m_file;
    std::size_t m_next = 0;
    std::size_t m_skipped = 0;
    std::size_t m_rowsWritten = 0;
    QStringList m_cells;
};

}  // namespace rcvmon
