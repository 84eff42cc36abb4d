// SPDX-License-Identifier: GPL-2.0-or-later
// A fixture for conversations whose every frame is checked afterwards: each frame is dissected
// in order with one Dissector, as tshark's single pass does, and its dissection kept, so a test
// can ask for any frame's columns and fields and for the frames a display filter passes.
#pragma once

#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "filter/display_filter.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace rcvmon::test {

class KeptFramesTest : public ::testing::Test {
protected:
    void add(Bytes frame)
    {
        m_frames.push_back(std::move(frame));
        Dissection out;
        m_dissector.dissect(frameOf(m_frames.back()), m_frames.size(), out);
        m_outs.push_back(std::move(out));
    }
    const Dissection& at(std::size_t frame) const { return m_outs.at(frame - 1); }
    std::string info(std::size_t frame) const { return at(frame).summary().info; }
    std::string protocol(std::size_t frame) const { return at(frame).summary().protocol; }
    std::string text(std::size_t frame, std::string_view name) const
    {
        const auto id = findField(name);
        EXPECT_TRUE(id.has_value()) << name;
        return id ? at(frame).fieldText(*id) : std::string();
    }
    // The frames a display filter passes, as tshark -Y lists them.
    std::vector<std::size_t> passing(std::string_view filter) const
    {
        FilterError error;
        const auto compiled = DisplayFilter::compile(filter, error);
        EXPECT_TRUE(compiled.has_value()) << filter;
        std::vector<std::size_t> frames;
        for (std::size_t i = 0; compiled && i < m_outs.size(); ++i)
            if (compiled->matches(m_outs[i], ByteSpan(m_frames[i].data(), m_frames[i].size()))) frames.push_back(i + 1);
        return frames;
    }

    Dissector m_dissector;
    std::vector<Bytes> m_frames;
    std::vector<Dissection> m_outs;
};

}  // namespace rcvmon::test
