// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "capture_health.h"

#include <QWidget>

class QLabel;

namespace rcvmon {

// The capture health panel: what this mode and platform cannot see, whether promiscuous
// mode really took effect, and the live loss counters.
class CaptureHealthPanel : public QWidget {
    Q_OBJECT
public:
    explicit CaptureHealthPanel(QWidget* parent = nullptr);
    void setHealth(const CaptureHealth& health);
    QString text() const;  // everything shown, for tests and Copy

private:
    QLabel* m_source;
    QLabel* m_blind;
    QLabel* m_promiscuous;
    QLabel* m_counters;
};

}  // namespace rcvmon
