// SPDX-License-Identifier: GPL-2.0-or-later
#include "gui_options.h"

#include <QCommandLineParser>

namespace rcvmon {

bool parseGuiOptions(const QStringList& arguments, GuiOptions& out, QString& error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("RcvMon: a native network traffic monitor"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption read({QStringLiteral("r")}, QStringLiteral("Read a pcap/pcapng file (- = stdin)."),
                                  QStringLiteral("file"));
    const QCommandLineOption iface({QStringLiteral("i")}, QStringLiteral("Capture on this interface."),
                                   QStringLiteral("interface"));
    const QCommandLineOption mode({QStringLiteral("m")}, QStringLiteral("RCVALL mode: on or iplevel."),
                                  QStringLiteral("mode"), QStringLiteral("iplevel"));
    const QCommandLineOption bench(QStringLiteral("bench-open"),
                                   QStringLiteral("Open FILE, wait until every row is in the table, print timing."),
                                   QStringLiteral("file"));
    parser.addOptions({read, iface, mode, bench});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A capture file to open."), QStringLiteral("[file]"));
    if (!parser.parse(arguments)) {
        error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version"))) parser.showVersion();
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet(read))) {
        error = QStringLiteral("Give one capture file.");
        return false;
    }
    out.file = parser.isSet(read) ? parser.value(read) : positional.value(0);
    out.interfaceName = parser.value(iface);
    out.benchFile = parser.value(bench);
    const std::optional<CaptureMode> m = parseCaptureMode(parser.value(mode).toStdString());
    if (!m || *m == CaptureMode::Off) {
        error = QStringLiteral("-m takes on or iplevel, not \"%1\".").arg(parser.value(mode));
        return false;
    }
    out.mode = *m;
    if (!out.interfaceName.isEmpty() && !out.file.isEmpty()) {
        error = QStringLiteral("-i and a file exclude each other.");
        return false;
    }
    return true;
}

}  // namespace rcvmon
