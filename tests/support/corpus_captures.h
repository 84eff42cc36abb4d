// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

namespace rcvmon::test {

// The reference corpus's capture files (*.pcap, *.pcapng under RCVMON_CORPUS_DIR/public),
// sorted; empty when the corpus is absent, so tests can skip.
inline std::vector<std::filesystem::path> corpusCapturePaths()
{
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    const fs::path dir = fs::path(RCVMON_CORPUS_DIR) / "public";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const auto ext = entry.path().extension();
        if (ext == ".pcap" || ext == ".pcapng") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace rcvmon::test
