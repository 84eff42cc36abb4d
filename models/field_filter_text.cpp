// SPDX-License-Identifier: GPL-2.0-or-later
#include "field_filter_text.h"

#include "dissect/field_registry.h"
#include "filter/display_filter.h"

namespace rcvmon {

namespace {
bool compiles(const QString& text)
{
    FilterError error;
    return DisplayFilter::compile(text.toStdString(), error).has_value();
}

QString quoted(QString value)
{
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    value.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}
}  // namespace

QString filterForDetailNode(const QString& fieldName, const QString& nodeText, bool isLayer)
{
    if (fieldName.isEmpty()) return {};
    const qsizetype colon = nodeText.indexOf(QStringLiteral(": "));
    if (isLayer || colon < 0) return fieldName;
    const QString value = nodeText.mid(colon + 2);
    const std::optional<FieldId> id = findField(fieldName.toStdString());
    if (id && fieldInfo(*id).kind == FieldKind::String) return fieldName + QStringLiteral(" == ") + quoted(value);
    const QString whole = fieldName + QStringLiteral(" == ") + value;
    if (compiles(whole)) return whole;
    const QString firstWord = fieldName + QStringLiteral(" == ") + value.section(QLatin1Char(' '), 0, 0);
    return compiles(firstWord) ? firstWord : whole;
}

}  // namespace rcvmon
