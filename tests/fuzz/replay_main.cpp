// SPDX-License-Identifier: GPL-2.0-or-later
// Replays every file under the given directories through the fuzz harness: the fuzzer's
// regression inputs (each a crash once found) and its seeds. Built with the sanitizers in
// the fuzz build and plainly elsewhere, so every build keeps the regressions fixed.
#include "dissector_fuzz_input.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        if (!fs::is_directory(argv[i])) {
            std::fprintf(stderr, "not a directory: %s\n", argv[i]);
            return 2;
        }
        for (const auto& entry : fs::directory_iterator(argv[i])) {
            if (!entry.is_regular_file() || entry.path().filename().string().rfind('.', 0) == 0) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            rcvmon::fuzz::runDissectorInput(bytes.data(), bytes.size());
            ++count;
        }
    }
    std::printf("replayed %zu inputs without a crash\n", count);
    return count > 0 ? 0 : 1;
}
