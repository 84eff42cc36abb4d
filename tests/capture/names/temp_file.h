// SPDX-License-Identifier: GPL-2.0-or-later
// A fixture file written by a test and removed when it ends.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace rcvmon::test {

class TempFile {
public:
    TempFile(std::string_view name, std::string_view text)
    {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_path = std::filesystem::temp_directory_path()
                 / (std::string("rcvmon_names_") + info->name() + "_" + std::string(name));
        std::ofstream(m_path, std::ios::binary) << text;
    }
    ~TempFile() { std::filesystem::remove(m_path); }
    std::string path() const { return m_path.string(); }

private:
    std::filesystem::path m_path;
};

}  // namespace rcvmon::test
