// SPDX-License-Identifier: GPL-2.0-or-later
#include "start_page.h"

#include "recent_files.h"
#include "sparkline_delegate.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rcvmon {

namespace {
enum InterfaceColumn { NameColumn, AddressColumn, TrafficColumn };

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.25);  // relative: follows the user's font and scale
    label->setFont(font);
    return label;
}

QString rateText(double bytesPerSecond)
{
    return QLocale().formattedDataSize(static_cast<qint64>(bytesPerSecond), 1, QLocale::DataSizeTraditionalFormat) +
           QStringLiteral("/s");
}
}  // namespace

StartPage::StartPage(const CaptureBackend& backend, RecentFiles* recent, QWidget* parent)
    : QWidget(parent),
      m_backend(backend),
      m_recentFiles(recent),
      m_interfaces(new QTreeWidget(this)),
      m_recent(new QListWidget(this)),
      m_filter(new QLineEdit(this)),
      m_mode(new QComboBox(this)),
      m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("startPage"));
    m_interfaces->setObjectName(QStringLiteral("startInterfaces"));
    m_recent->setObjectName(QStringLiteral("startRecentFiles"));
    m_filter->setObjectName(QStringLiteral("startCaptureFilter"));
    m_mode->setObjectName(QStringLiteral("startMode"));

    m_filter->setPlaceholderText(tr("Enter a capture filter (libpcap syntax), e.g. tcp port 443"));
    m_filter->setClearButtonEnabled(true);
    m_mode->addItem(tr("Promiscuous (RCVALL_ON)"), int(CaptureMode::On));
    m_mode->addItem(tr("IP level (RCVALL_IPLEVEL)"), int(CaptureMode::IpLevel));
    m_interfaces->setColumnCount(3);
    m_interfaces->setHeaderLabels({tr("Interface"), tr("Addresses"), tr("Traffic")});
    m_interfaces->setRootIsDecorated(false);
    m_interfaces->setUniformRowHeights(true);
    m_interfaces->setItemDelegateForColumn(TrafficColumn, new SparklineDelegate(m_interfaces));
    m_interfaces->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_interfaces->header()->setSectionResizeMode(AddressColumn, QHeaderView::Interactive);
    m_interfaces->header()->setStretchLastSection(true);
    m_interfaces->setToolTip(tr("Double-click an interface to start capturing on it"));
    m_recent->setToolTip(tr("Double-click a file to open it"));

    auto* options = new QFormLayout;
    options->addRow(tr("Capture &filter:"), m_filter);
    options->addRow(tr("&Mode:"), m_mode);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Open"), this));
    layout->addWidget(m_recent, 1);
    layout->addWidget(heading(tr("Capture"), this));
    layout->addLayout(options);
    layout->addWidget(m_interfaces, 3);

    connect(m_interfaces, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { emit captureRequested(request(item->text(NameColumn))); });
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit openRequested(item->data(Qt::UserRole).toString()); });
    connect(m_recentFiles, &RecentFiles::changed, this, &StartPage::fillRecent);
    connect(m_timer, &QTimer::timeout, this, &StartPage::sample);
    m_timer->setInterval(1000);
    fillRecent();
    refreshInterfaces();
}

void StartPage::setRequest(const CaptureRequest& request)
{
    m_filter->setText(request.filter);
    m_mode->setCurrentIndex(m_mode->findData(int(request.mode == CaptureMode::On ? CaptureMode::On : CaptureMode::IpLevel)));
    m_allProtocols = request.allProtocols;
}

CaptureRequest StartPage::request(const QString& interfaceName) const
{
    CaptureRequest r;
    r.interfaceName = interfaceName;
    r.mode = static_cast<CaptureMode>(m_mode->currentData().toInt());
    r.filter = m_filter->text().trimmed();
    r.allProtocols = m_allProtocols;
    return r;
}

void StartPage::refreshInterfaces()
{
    QString error;
    const std::vector<NetworkInterface> list = m_backend.interfaces ? m_backend.interfaces(error) : std::vector<NetworkInterface>{};
    const QString current = m_interfaces->currentItem() ? m_interfaces->currentItem()->text(NameColumn) : QString();
    m_interfaces->clear();
    for (const NetworkInterface& nif : list) {
        QStringList addresses;
        for (const std::string& a : nif.addresses) addresses << QString::fromStdString(a);
        const QString name = QString::fromStdString(nif.name);
        auto* item = new QTreeWidgetItem(m_interfaces, {name, addresses.join(QStringLiteral(", ")), QString()});
        item->setToolTip(NameColumn, QString::fromStdString(nif.description.empty() ? nif.macAddress : nif.description));
        item->setToolTip(AddressColumn, addresses.join(QLatin1Char('\n')));
        // Down interfaces stay listed but read as disabled, in the palette's own disabled colour.
        if (!nif.up) item->setForeground(NameColumn, palette().brush(QPalette::Disabled, QPalette::Text));
        item->setData(TrafficColumn, SparklineDelegate::SparklineRole, QVariant::fromValue(m_history[name]));
        if (name == current) m_interfaces->setCurrentItem(item);
    }
    if (list.empty()) {
        auto* item = new QTreeWidgetItem(m_interfaces, {error.isEmpty() ? tr("No interfaces found") : error});
        item->setFlags(Qt::NoItemFlags);
    }
    m_interfaces->resizeColumnToContents(AddressColumn);
}

QTreeWidgetItem* StartPage::itemFor(const QString& name) const
{
    for (int i = 0; i < m_interfaces->topLevelItemCount(); ++i)
        if (m_interfaces->topLevelItem(i)->text(NameColumn) == name) return m_interfaces->topLevelItem(i);
    return nullptr;
}

void StartPage::sample()
{
    if (!m_backend.traffic) return;
    QString error;
    const double seconds = m_timer->interval() / 1000.0;
    for (const InterfaceTraffic& t : m_backend.traffic(error)) {
        const QString name = QString::fromStdString(t.name);
        const std::uint64_t total = t.rxBytes + t.txBytes;
        const auto last = m_lastTotals.find(name);
        // The first sample only sets the base; a total that went down was reset: no spike.
        const double added = last == m_lastTotals.end() || total < last->second ? 0.0 : double(total - last->second);
        m_lastTotals[name] = total;
        QList<double>& values = m_history[name];
        if (last != m_lastTotals.end()) values.append(added);
        while (values.size() > HistoryLength) values.removeFirst();
        if (QTreeWidgetItem* item = itemFor(name)) {
            item->setData(TrafficColumn, SparklineDelegate::SparklineRole, QVariant::fromValue(values));
            item->setText(TrafficColumn, values.isEmpty() ? QString() : rateText(values.last() / seconds));
        }
    }
}

QList<double> StartPage::history(const QString& interfaceName) const
{
    const auto it = m_history.find(interfaceName);
    return it == m_history.end() ? QList<double>() : it->second;
}

void StartPage::fillRecent()
{
    m_recent->clear();
    for (const QString& path : m_recentFiles->files()) {
        const QFileInfo info(path);
        QString text = QDir::toNativeSeparators(path);
        if (info.exists())
            text += QStringLiteral("  (%1)").arg(QLocale().formattedDataSize(info.size(), 1, QLocale::DataSizeTraditionalFormat));
        else
            text += tr("  (not found)");
        auto* item = new QListWidgetItem(text, m_recent);
        item->setData(Qt::UserRole, path);
        if (!info.exists()) item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    if (m_recentFiles->files().isEmpty()) {
        auto* item = new QListWidgetItem(tr("No recent files. File ▸ Open… (Ctrl+O) opens a capture."), m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}

void StartPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refreshInterfaces();
    sample();
    m_timer->start();
}

void StartPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer->stop();  // nobody looks: the counters are not read
}

}  // namespace rcvmon
