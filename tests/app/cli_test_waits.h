// SPDX-License-Identifier: GPL-2.0-or-later
// What the CLI tests do while a capture runs: wait on a condition (never a fixed sleep) and read
// what a process wrote to a file.
#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace rcvmon::test {

// True as soon as condition() holds; false if it still does not after `limit`.
template <typename Condition>
bool waitFor(Condition condition, std::chrono::seconds limit)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return condition();
}

inline std::string readText(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace rcvmon::test
