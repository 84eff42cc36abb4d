// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/json_packet.h"

#include "dissect/dissection.h"
#include "dissect/field_registry.h"

#include <cstdio>

namespace rcvmon {

namespace {

bool sameSlot(const FieldRecord& a, const FieldRecord& b) { return a.layer == b.layer && a.id == b.id; }

}  // namespace

void appendJsonText(std::string& out, std::string_view value)
{
    out += '"';
    for (const char c : value) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendJsonPacket(std::string& out, const Dissection& d)
{
    out += "  {\n    \"_index\": \"packets\",\n    \"_type\": \"doc\",\n    \"_score\": null,\n"
           "    \"_source\": {\n      \"layers\": {";
    const auto layers = d.layers();
    const auto fields = d.fields();
    for (std::size_t layer = 0; layer < layers.size(); ++layer) {
        out += layer ? ",\n        " : "\n        ";
        appendJsonText(out, layers[layer].filterName);
        out += ": {";
        bool firstField = true;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (fields[i].layer != layer) continue;
            // A repeat was written with the first of its kind, as one array.
            bool repeat = false;
            for (std::size_t j = 0; j < i && !repeat; ++j) repeat = sameSlot(fields[j], fields[i]);
            if (repeat) continue;
            out += firstField ? "\n          " : ",\n          ";
            firstField = false;
            appendJsonText(out, fieldInfo(fields[i].id).name);
            out += ": ";
            std::size_t count = 0;
            for (std::size_t j = i; j < fields.size(); ++j) count += sameSlot(fields[j], fields[i]);
            if (count > 1) out += '[';
            bool firstValue = true;
            for (std::size_t j = i; j < fields.size(); ++j) {
                if (!sameSlot(fields[j], fields[i])) continue;
                if (!firstValue) out += ", ";
                firstValue = false;
                appendJsonText(out, d.formatValue(fields[j]));
            }
            if (count > 1) out += ']';
        }
        out += firstField ? "}" : "\n        }";
    }
    out += "\n      }\n    }\n  }";
}

}  // namespace rcvmon
