// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "filter/color_filters.h"

#include <QColor>
#include <QDialog>

#include <functional>
#include <vector>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace rcvmon {

// View ▸ Coloring Rules…, as Wireshark's: the rules in order, each drawn in its colours with
// a check box that enables it; a rule whose filter RcvMon cannot compile is marked and
// skipped. Add, delete, move up/down (or drag), edit the selected rule's name, filter
// (checked as it is typed) and colours; Import… appends a colorfilters file's rules, Export…
// writes them all (temporary file, then rename). OK and Apply hand the rules over through
// applied(); a failure to store them comes back through showProblem().
class ColoringRulesDialog : public QDialog {
    Q_OBJECT
public:
    enum class FileChoice { Import, Export };
    // Item data of the Name column (the Filter column's tooltip also shows the error).
    enum Role { BackgroundRole = Qt::UserRole + 1, ForegroundRole, ErrorRole };
    // A path for Import/Export (a file dialog; tests answer directly). Empty = cancelled.
    using FileChooser = std::function<QString(FileChoice choice)>;
    // A colour (a colour dialog; tests answer directly). Invalid = cancelled.
    using ColorChooser = std::function<QColor(const QColor& initial, const QString& title)>;

    explicit ColoringRulesDialog(const std::vector<ColorFilter>& rules, QWidget* parent = nullptr);

    // The rules as edited so far, in order.
    std::vector<ColorFilter> rules() const;
    void setRules(const std::vector<ColorFilter>& rules);
    void setFileChooser(FileChooser chooser) { m_fileChooser = std::move(chooser); }
    void setColorChooser(ColorChooser chooser) { m_colorChooser = std::move(chooser); }

    QTreeWidget* ruleList() const { return m_list; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* filterEdit() const { return m_filter; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    // Which rules are skipped because their filters do not compile; empty when none.
    QString summaryText() const;
    // The dialog's own line of errors and notes (bad import, failed export, invalid rules).
    QString problemText() const;
    void showProblem(const QString& text);

    // What the buttons do, for the buttons and for tests.
    void addRule();
    void deleteSelected();
    void moveSelected(int delta);
    void chooseForeground();
    void chooseBackground();
    bool importFrom(const QString& path);
    bool exportTo(const QString& path);
    void restoreDefaults();
    // False (and a note) when a rule cannot be stored (empty name, "@" in a field).
    bool apply();

signals:
    void applied(const std::vector<ColorFilter>& rules);

private:
    QTreeWidgetItem* newItem(const ColorFilter& rule) const;
    void paintItem(QTreeWidgetItem* item) const;
    ColorFilter ruleOf(const QTreeWidgetItem* item) const;
    QTreeWidgetItem* current() const;
    void showCurrent();
    void editName(const QString& text);
    void editFilter(const QString& text);
    void chooseColor(int role, const QString& title);
    void updateSummary();

    QTreeWidget* m_list;
    QLineEdit* m_name;
    QLineEdit* m_filter;
    QLabel* m_filterError;
    QPushButton* m_foreground;
    QPushButton* m_background;
    QPushButton* m_delete;
    QPushButton* m_up;
    QPushButton* m_down;
    QLabel* m_problem;
    QLabel* m_summary;
    QDialogButtonBox* m_buttons;
    FileChooser m_fileChooser;
    ColorChooser m_colorChooser;
    bool m_showing = false;  // filling the editors from the selection: not an edit
};

}  // namespace rcvmon
