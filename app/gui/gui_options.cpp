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
    const QCommandLineOption scroll(QStringLiteral("bench-scroll"),
                                    QStringLiteral("Open FILE, then time paints after jumps to rows all over it."),
                                    QStringLiteral("file"));
    const QCommandLineOption live(QStringLiteral("bench-live"),
                                  QStringLiteral("Capture synthetic frames at RATE/s for SECONDS (default 10), "
                                                 "print event-loop latency."),
                                  QStringLiteral("rate[:seconds]"));
    const QCommandLineOption capture(QStringLiteral("bench-capture"),
                                     QStringLiteral("With -i: capture for SECONDS, print counters and event-loop "
                                                    "latency each second, then quit."),
                                     QStringLiteral("seconds"));
    parser.addOptions({read, iface, mode, bench, scroll, live, capture});
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
    out.scrollFile = parser.value(scroll);
    if (parser.isSet(live)) {
        const QStringList parts = parser.value(live).split(QLatin1Char(':'));
        bool rateOk = false, secondsOk = true;
        out.liveRate = parts.value(0).toULongLong(&rateOk);
        if (parts.size() > 1) out.liveSeconds = parts[1].toInt(&secondsOk);
        if (!rateOk || !secondsOk || out.liveRate == 0 || out.liveSeconds <= 0 || parts.size() > 2) {
            error = QStringLiteral("--bench-live takes RATE or RATE:SECONDS, not \"%1\".").arg(parser.value(live));
            return false;
        }
    }
    if (parser.isSet(capture)) {
        bool ok = false;
        out.captureSeconds = parser.value(capture).toInt(&ok);
        if (!ok || out.captureSeconds <= 0 || !parser.isSet(iface)) {
            error = QStringLiteral("--bench-capture takes SECONDS and needs -i IFACE.");
            return false;
        }
    }
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
