// SPDX-License-Identifier: GPL-2.0-or-later
#include "coloring_rules_dialog.h"
#include "palette_tone.h"

#include "filter/display_filter.h"
#include "packet_colorizer.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSaveFile>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rcvmon {
namespace {

constexpr qint64 MaxImportBytes = 16 << 20;  // colorfilters files are a few KiB

QString compileError(const QString& filter)
{
    const std::string text = filter.toStdString();
    FilterError error;
    if (DisplayFilter::compile(text, error)) return {};
    return QString::fromStdString(error.describe(text));
}

QIcon swatch(const QColor& color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(color);
    QPainter painter(&pixmap);
    painter.setPen(Qt::gray);
    painter.drawRect(0, 0, 15, 15);
    return QIcon(pixmap);
}

}  // namespace

ColoringRulesDialog::ColoringRulesDialog(const std::vector<ColorFilter>& rules, QWidget* parent)
    : QDialog(parent),
      m_list(new QTreeWidget(this)),
      m_name(new QLineEdit(this)),
      m_filter(new QLineEdit(this)),
      m_filterError(new QLabel(this)),
      m_foreground(new QPushButton(tr("&Foreground…"), this)),
      m_background(new QPushButton(tr("&Background…"), this)),
      m_delete(new QPushButton(tr("&Delete"), this)),
      m_up(new QPushButton(tr("Move &Up"), this)),
      m_down(new QPushButton(tr("Move Do&wn"), this)),
      m_problem(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this))
{
    setWindowTitle(tr("Coloring Rules — RcvMon"));
    setObjectName(QStringLiteral("coloringRulesDialog"));
    resize(760, 560);

    m_list->setObjectName(QStringLiteral("ruleList"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Name"), tr("Filter")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);  // drag a rule to reorder
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->header()->resizeSection(0, 220);
    m_name->setObjectName(QStringLiteral("ruleName"));
    m_filter->setObjectName(QStringLiteral("ruleFilter"));
    m_filterError->setObjectName(QStringLiteral("ruleFilterError"));
    m_filterError->setStyleSheet(errorTextStyle(palette()));
    m_filterError->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("rulesProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(errorTextStyle(palette()));
    m_problem->hide();
    m_summary->setObjectName(QStringLiteral("rulesSummary"));
    m_summary->setWordWrap(true);

    auto* add = new QPushButton(tr("&Add"), this);
    auto* import = new QPushButton(tr("&Import…"), this);
    auto* exportButton = new QPushButton(tr("&Export…"), this);
    auto* defaults = new QPushButton(tr("Restore De&faults"), this);
    add->setObjectName(QStringLiteral("addRule"));
    m_delete->setObjectName(QStringLiteral("deleteRule"));
    m_up->setObjectName(QStringLiteral("moveUp"));
    m_down->setObjectName(QStringLiteral("moveDown"));
    import->setObjectName(QStringLiteral("importRules"));
    exportButton->setObjectName(QStringLiteral("exportRules"));
    defaults->setObjectName(QStringLiteral("restoreDefaults"));
    m_foreground->setObjectName(QStringLiteral("foregroundColor"));
    m_background->setObjectName(QStringLiteral("backgroundColor"));

    auto* side = new QVBoxLayout;
    for (QPushButton* b : {add, m_delete, m_up, m_down}) side->addWidget(b);
    side->addSpacing(12);
    for (QPushButton* b : {import, exportButton, defaults}) side->addWidget(b);
    side->addStretch(1);
    auto* top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(side);

    auto* colours = new QHBoxLayout;
    colours->addWidget(m_foreground);
    colours->addWidget(m_background);
    colours->addStretch(1);
    auto* editor = new QFormLayout;
    editor->addRow(tr("&Name:"), m_name);
    editor->addRow(tr("F&ilter:"), m_filter);
    editor->addRow(QString(), m_filterError);
    editor->addRow(tr("Colors:"), colours);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addLayout(editor);
    layout->addWidget(m_summary);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    m_fileChooser = [this](FileChoice choice) {
        const QString types = tr("Coloring rules (colorfilters *.txt);;All files (*)");
        return choice == FileChoice::Import
                   ? QFileDialog::getOpenFileName(this, tr("Import Coloring Rules"), QString(), types)
                   : QFileDialog::getSaveFileName(this, tr("Export Coloring Rules"), QStringLiteral("colorfilters"), types);
    };
    m_colorChooser = [this](const QColor& initial, const QString& title) {
        return QColorDialog::getColor(initial, this, title);
    };

    connect(add, &QPushButton::clicked, this, &ColoringRulesDialog::addRule);
    connect(m_delete, &QPushButton::clicked, this, &ColoringRulesDialog::deleteSelected);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(m_foreground, &QPushButton::clicked, this, &ColoringRulesDialog::chooseForeground);
    connect(m_background, &QPushButton::clicked, this, &ColoringRulesDialog::chooseBackground);
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = m_fileChooser(FileChoice::Import);
        if (!path.isEmpty()) importFrom(path);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = m_fileChooser(FileChoice::Export);
        if (!path.isEmpty()) exportTo(path);
    });
    connect(defaults, &QPushButton::clicked, this, &ColoringRulesDialog::restoreDefaults);
    connect(m_name, &QLineEdit::textChanged, this, &ColoringRulesDialog::editName);
    connect(m_filter, &QLineEdit::textChanged, this, &ColoringRulesDialog::editFilter);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ColoringRulesDialog::showCurrent);
    connect(m_list, &QTreeWidget::itemChanged, this, &ColoringRulesDialog::updateSummary);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &ColoringRulesDialog::apply);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply()) accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    setRules(rules);
}

QTreeWidgetItem* ColoringRulesDialog::newItem(const ColorFilter& rule) const
{
    auto* item = new QTreeWidgetItem;
    // Not a drop target: a dragged rule goes between rules, never inside one.
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled);
    item->setText(0, QString::fromStdString(rule.name));
    item->setText(1, QString::fromStdString(rule.filter));
    item->setCheckState(0, rule.disabled ? Qt::Unchecked : Qt::Checked);
    item->setData(0, BackgroundRole, toQColor(rule.background));
    item->setData(0, ForegroundRole, toQColor(rule.foreground));
    paintItem(item);
    return item;
}

void ColoringRulesDialog::paintItem(QTreeWidgetItem* item) const
{
    const QColor background = item->data(0, BackgroundRole).value<QColor>();
    const QColor foreground = item->data(0, ForegroundRole).value<QColor>();
    for (int c = 0; c < 2; ++c) {
        item->setBackground(c, background);
        item->setForeground(c, foreground);
    }
    const QString error = compileError(item->text(1));
    item->setData(0, ErrorRole, error);
    item->setIcon(1, error.isEmpty() ? QIcon() : style()->standardIcon(QStyle::SP_MessageBoxWarning));
    item->setToolTip(1, error.isEmpty() ? QString() : tr("Skipped: %1").arg(error));
}

ColorFilter ColoringRulesDialog::ruleOf(const QTreeWidgetItem* item) const
{
    ColorFilter rule;
    rule.name = item->text(0).toStdString();
    rule.filter = item->text(1).toStdString();
    rule.background = toRgb16(item->data(0, BackgroundRole).value<QColor>());
    rule.foreground = toRgb16(item->data(0, ForegroundRole).value<QColor>());
    rule.disabled = item->checkState(0) != Qt::Checked;
    return rule;
}

std::vector<ColorFilter> ColoringRulesDialog::rules() const
{
    std::vector<ColorFilter> out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) out.push_back(ruleOf(m_list->topLevelItem(i)));
    return out;
}

void ColoringRulesDialog::setRules(const std::vector<ColorFilter>& rules)
{
    m_list->clear();
    for (const ColorFilter& rule : rules) m_list->addTopLevelItem(newItem(rule));
    if (m_list->topLevelItemCount() > 0) m_list->setCurrentItem(m_list->topLevelItem(0));
    showCurrent();
    updateSummary();
}

QTreeWidgetItem* ColoringRulesDialog::current() const
{
    return m_list->currentItem();
}

void ColoringRulesDialog::showCurrent()
{
    QTreeWidgetItem* item = current();
    m_showing = true;
    m_name->setText(item ? item->text(0) : QString());
    m_filter->setText(item ? item->text(1) : QString());
    m_showing = false;
    editFilter(m_filter->text());  // the validation colour of the shown filter
    for (QWidget* w : {static_cast<QWidget*>(m_name), static_cast<QWidget*>(m_filter),
                       static_cast<QWidget*>(m_foreground), static_cast<QWidget*>(m_background),
                       static_cast<QWidget*>(m_delete)})
        w->setEnabled(item != nullptr);
    const int row = item ? m_list->indexOfTopLevelItem(item) : -1;
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_list->topLevelItemCount());
    m_foreground->setIcon(swatch(item ? item->data(0, ForegroundRole).value<QColor>() : QColor()));
    m_background->setIcon(swatch(item ? item->data(0, BackgroundRole).value<QColor>() : QColor()));
}

void ColoringRulesDialog::editName(const QString& text)
{
    if (QTreeWidgetItem* item = current(); item && !m_showing) item->setText(0, text);
}

void ColoringRulesDialog::editFilter(const QString& text)
{
    QPalette palette = m_filter->palette();
    const QString error = text.isEmpty() ? tr("A rule needs a filter.") : compileError(text);
    if (text.isEmpty()) {
        palette = QPalette();
    } else {
        // The filter bar's colours: green when it compiles, red when it does not.
        palette.setColor(QPalette::Base, error.isEmpty() ? QColor(0xaf, 0xff, 0xaf) : QColor(0xff, 0xaf, 0xaf));
        palette.setColor(QPalette::Text, Qt::black);
    }
    m_filter->setPalette(palette);
    m_filterError->setText(error);
    m_filterError->setVisible(!error.isEmpty() && current() != nullptr);
    QTreeWidgetItem* item = current();
    if (!item || m_showing || item->text(1) == text) return;
    item->setText(1, text);
    paintItem(item);
    updateSummary();
}

void ColoringRulesDialog::updateSummary()
{
    QStringList skipped;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = m_list->topLevelItem(i);
        if (!item->data(0, ErrorRole).toString().isEmpty()) skipped << item->text(0);
    }
    m_summary->setText(skipped.isEmpty() ? QString()
                                         : tr("%n rule(s) skipped: RcvMon cannot compile the filter of %1.", nullptr,
                                              int(skipped.size()))
                                               .arg(skipped.join(QStringLiteral(", "))));
    m_summary->setVisible(!skipped.isEmpty());
}

QString ColoringRulesDialog::summaryText() const
{
    return m_summary->text();
}

QString ColoringRulesDialog::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void ColoringRulesDialog::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void ColoringRulesDialog::addRule()
{
    // Wireshark's new rule: a light background with dark text, ready to be named.
    ColorFilter rule{tr("New coloring rule").toStdString(), "frame", {65535, 65535, 53456}, {0, 0, 0}, false};
    if (QTreeWidgetItem* item = current()) rule.filter = item->text(1).toStdString();
    QTreeWidgetItem* item = newItem(rule);
    m_list->insertTopLevelItem(0, item);  // first, so it wins over the defaults
    m_list->setCurrentItem(item);
    updateSummary();
    m_name->setFocus();
    m_name->selectAll();
}

void ColoringRulesDialog::deleteSelected()
{
    QTreeWidgetItem* item = current();
    if (!item) return;
    const int row = m_list->indexOfTopLevelItem(item);
    delete m_list->takeTopLevelItem(row);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(std::min(row, m_list->topLevelItemCount() - 1)));
    showCurrent();
    updateSummary();
}

void ColoringRulesDialog::moveSelected(int delta)
{
    QTreeWidgetItem* item = current();
    if (!item) return;
    const int row = m_list->indexOfTopLevelItem(item);
    const int to = row + delta;
    if (to < 0 || to >= m_list->topLevelItemCount()) return;
    m_list->takeTopLevelItem(row);
    m_list->insertTopLevelItem(to, item);
    m_list->setCurrentItem(item);
    showCurrent();
}

void ColoringRulesDialog::chooseColor(int role, const QString& title)
{
    QTreeWidgetItem* item = current();
    if (!item) return;
    const QColor chosen = m_colorChooser(item->data(0, role).value<QColor>(), title);
    if (!chosen.isValid()) return;
    item->setData(0, role, chosen);
    paintItem(item);
    showCurrent();
}

void ColoringRulesDialog::chooseForeground()
{
    chooseColor(ForegroundRole, tr("Foreground color of \"%1\"").arg(current() ? current()->text(0) : QString()));
}

void ColoringRulesDialog::chooseBackground()
{
    chooseColor(BackgroundRole, tr("Background color of \"%1\"").arg(current() ? current()->text(0) : QString()));
}

bool ColoringRulesDialog::importFrom(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showProblem(tr("Could not import %1: %2").arg(path, file.errorString()));
        return false;
    }
    if (file.size() > MaxImportBytes) {
        showProblem(tr("Could not import %1: it is not a colorfilters file (over 16 MiB).").arg(path));
        return false;
    }
    const QByteArray bytes = file.readAll();
    std::vector<std::string> problems;
    const std::vector<ColorFilter> imported = parseColorFilters(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), &problems);
    if (imported.empty()) {
        showProblem(tr("%1 holds no coloring rules%2").arg(path, problems.empty() ? QStringLiteral(".") : QStringLiteral(": ") + QString::fromStdString(problems.front())));
        return false;
    }
    // As Wireshark does, imported rules join the list (after the rules already there).
    for (const ColorFilter& rule : imported) m_list->addTopLevelItem(newItem(rule));
    updateSummary();
    showProblem(problems.empty() ? QString()
                                 : tr("Imported %n rule(s) from %1; skipped %2", nullptr, int(imported.size()))
                                       .arg(path, QString::fromStdString(problems.front()) +
                                                      (problems.size() > 1 ? tr(" and %1 more line(s)").arg(problems.size() - 1) : QString())));
    if (!current()) m_list->setCurrentItem(m_list->topLevelItem(0));
    return true;
}

bool ColoringRulesDialog::exportTo(const QString& path)
{
    const std::string text = writeColorFilters(rules());
    QSaveFile file(path);  // a temporary file renamed over `path` on commit: never half written
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) ||
        !file.commit()) {
        showProblem(tr("Could not export to %1: %2").arg(path, file.errorString()));
        return false;
    }
    showProblem(QString());
    return true;
}

void ColoringRulesDialog::restoreDefaults()
{
    setRules(defaultColorFilters());
}

bool ColoringRulesDialog::apply()
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        for (int c = 0; c < 2; ++c) {
            const std::string problem = colorFilterFieldProblem(item->text(c).toStdString());
            if (problem.empty()) continue;
            m_list->setCurrentItem(item);
            showProblem(tr("Rule %1 cannot be saved: its %2 is not valid (%3).")
                            .arg(i + 1)
                            .arg(c == 0 ? tr("name") : tr("filter"), QString::fromStdString(problem)));
            return false;
        }
    }
    showProblem(QString());
    emit applied(rules());
    return problemText().isEmpty();  // a receiver that could not store them said why
}

}  // namespace rcvmon
