// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QToolButton>

namespace rcvmon {

class ExpertScan;

// The status bar's Expert Info button, as Wireshark's: a dot in the colour of the highest
// severity found (grey when none), with its name; a percentage while the scan runs. Clicking
// it opens Expert Information.
class ExpertInfoIndicator : public QToolButton {
    Q_OBJECT
public:
    explicit ExpertInfoIndicator(const ExpertScan& scan, QWidget* parent = nullptr);

    void refresh();

private:
    const ExpertScan& m_scan;
};

}  // namespace rcvmon
