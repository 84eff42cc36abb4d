// SPDX-License-Identifier: GPL-2.0-or-later
// Replays every file under the given directories (or the given files) through a fuzz
// harness's LLVMFuzzerTestOneInput: the fuzzer's regression inputs (each a crash once found)
// and its seeds. Built with the sanitizers in the fuzz build and plainly elsewhere, so every
// build keeps the regressions fixed.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void replay(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
}

}  // namespace

int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        if (fs::is_regular_file(argv[i])) {
            replay(argv[i]);
            ++count;
            continue;
        }
        if (!fs::is_directory(argv[i])) {
            std::fprintf(stderr, "not a file or directory: %s\n", argv[i]);
            return 2;
        }
        for (const auto& entry : fs::directory_iterator(argv[i])) {
            if (!entry.is_regular_file() || entry.path().filename().string().rfind('.', 0) == 0) continue;
            replay(entry.path());
            ++count;
        }
    }
    std::printf("replayed %zu inputs without a crash\n", count);
    return count > 0 ? 0 : 1;
}
