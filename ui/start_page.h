// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "capture_backend.h"

#include <QWidget>

#include <cstdint>
#include <map>

class QComboBox;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace rcvmon {

class RecentFiles;

// What the window shows when nothing is open, as Wireshark's welcome page: every interface
// with its addresses and a sparkline of its traffic (the kernel's counters, read once a second
// while the page shows), the capture filter, the mode, and the recent files. Double-clicking
// an interface asks for a capture on it; double-clicking a file asks to open it.
class StartPage : public QWidget {
    Q_OBJECT
public:
    static constexpr int HistoryLength = 60;  // samples kept per interface (a minute)

    StartPage(const CaptureBackend& backend, RecentFiles* recent, QWidget* parent = nullptr);

    // The filter and mode shown (the last capture's).
    void setRequest(const CaptureRequest& request);
    // What a double-click on `interfaceName` asks for.
    CaptureRequest request(const QString& interfaceName) const;
    // Lists the interfaces again.
    void refreshInterfaces();
    // Reads the counters once and moves every sparkline on (the timer calls it each second).
    void sample();
    // The bytes each sample added for `interfaceName`, oldest first.
    QList<double> history(const QString& interfaceName) const;

    QTreeWidget* interfaceList() const { return m_interfaces; }
    QListWidget* recentList() const { return m_recent; }
    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* modeBox() const { return m_mode; }

signals:
    void captureRequested(const rcvmon::CaptureRequest& request);
    void openRequested(const QString& path);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void fillRecent();
    QTreeWidgetItem* itemFor(const QString& name) const;

    CaptureBackend m_backend;
    RecentFiles* m_recentFiles;
    QTreeWidget* m_interfaces;
    QListWidget* m_recent;
    QLineEdit* m_filter;
    QComboBox* m_mode;
    QTimer* m_timer;
    std::map<QString, std::uint64_t> m_lastTotals;  // rx + tx bytes at the previous sample
    std::map<QString, QList<double>> m_history;
    bool m_allProtocols = false;
};

}  // namespace rcvmon
