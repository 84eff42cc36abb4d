// SPDX-License-Identifier: GPL-2.0-or-later
// Table-driven dissector tests list the fields they expect as "name=value;name=value", the
// text tshark's `-T fields` prints for each: one parser for those lists serves every table.
#pragma once

#include "dissect/dissection.h"
#include "dissect/field_registry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>

namespace rcvmon::test {

inline void expectFieldTexts(const Dissection& out, std::string_view fields)
{
    while (!fields.empty()) {
        const std::size_t end = std::min(fields.find(';'), fields.size());
        const std::string_view item = fields.substr(0, end);
        fields.remove_prefix(std::min(end + 1, fields.size()));
        const std::size_t eq = item.find('=');
        const std::string_view name = item.substr(0, eq), value = item.substr(eq + 1);
        const auto id = findField(name);
        ASSERT_TRUE(id.has_value()) << name;
        EXPECT_EQ(out.fieldText(*id), value) << name;
    }
}

}  // namespace rcvmon::test
