// SPDX-License-Identifier: GPL-2.0-or-later
// A fixture for tests that dissect a conversation frame by frame with one Dissector, as a capture
// is read, and check the last frame's fields and columns. With RCVMON_TEST_PCAP_DIR set, each
// test's frames are written to a pcap, so that every expectation can be checked against tshark.
#pragma once

#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "tls_packets.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace rcvmon::test {

class FrameSequenceTest : public ::testing::Test {
protected:
    std::string field(std::string_view name) const
    {
        const auto id = findField(name);
        return id ? m_out.fieldText(*id) : std::string("<no field>");
    }
    std::string info() const { return m_out.summary().info; }
    std::string column() const { return m_out.fieldText(field::ColProtocol); }

    void dissectNext(Bytes frame)
    {
        m_frames.push_back(std::move(frame));
        m_dissector.dissect(frameOf(m_frames.back()), m_frames.size(), m_out);
    }

    void TearDown() override
    {
        dumpFramesForTshark(m_frames, ::testing::UnitTest::GetInstance()->current_test_info()->name());
    }

    Dissector m_dissector;
    Dissection m_out;
    std::vector<Bytes> m_frames;
};

}  // namespace rcvmon::test
