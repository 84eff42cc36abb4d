// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter/filter_expression.h"

#include "dissect/dissection.h"
#include "dissect/field_registry.h"
#include "filter/filter_names.h"

#include <algorithm>

namespace rcvmon {
namespace {

void appendQuoted(std::string& out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (u < 0x20 || u == 0x7f) {
            out += "\\x";
            out.push_back(kHex[u >> 4]);
            out.push_back(kHex[u & 15]);
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
}

}  // namespace

std::string filterExpressionFor(const Dissection& dissection, const FieldRecord& field)
{
    const FieldInfo& info = fieldInfo(field.id);
    std::string out(info.name);
    out += " == ";
    if (info.kind == FieldKind::String) {
        appendQuoted(out, dissection.valueText(field));
    } else if (info.kind == FieldKind::Bytes && dissection.valueBytes(field).empty()) {
        return std::string(info.name);  // nothing to compare with: test for presence
    } else {
        dissection.appendValue(field, out);  // tshark's text reads back as the same value
    }
    return out;
}

std::string filterExpressionFor(const LayerRecord& layer)
{
    return std::string(layer.filterName);
}

const std::vector<std::string_view>& filterNames()
{
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> all;
        for (const FieldInfo& f : allFields())
            if (f.name.substr(0, 8) != "_ws.col.") all.push_back(f.name);
        for (std::string_view n : filterShorthandNames()) all.push_back(n);
        for (std::string_view n : filterProtocolNames()) all.push_back(n);
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        return all;
    }();
    return names;
}

}  // namespace rcvmon
