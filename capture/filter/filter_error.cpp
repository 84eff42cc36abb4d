// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter/filter_error.h"

namespace rcvmon {

std::string FilterError::describe(std::string_view filterText) const
{
    std::string out = "\"";
    out += filterText;
    out += "\": ";
    out += message;
    if (column > 0) {
        out += " at column ";
        out += std::to_string(column);
    }
    return out;
}

}  // namespace rcvmon
