// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "corpus_captures.h"
#include "file/capture_file_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace rcvmon::test {

// A frame copied out of its reader, so it outlives the reader's buffers.
struct OwnedFrame {
    Timestamp ts;
    std::uint32_t capturedLength = 0;
    std::uint32_t originalLength = 0;
    std::uint32_t linkType = 0;
    std::uint32_t interfaceId = 0;
    Direction direction = Direction::Unknown;
    std::vector<std::uint8_t> bytes;
    std::uint64_t offset = 0;

    static OwnedFrame from(const FrameRef& f, std::uint64_t offset = 0)
    {
        OwnedFrame o;
        o.ts = f.ts;
        o.capturedLength = f.capturedLength;
        o.originalLength = f.originalLength;
        o.linkType = f.linkType;
        o.interfaceId = f.interfaceId;
        o.direction = f.direction;
        o.bytes.assign(f.data.begin(), f.data.end());
        o.offset = offset;
        return o;
    }
    bool sameAs(const OwnedFrame& o) const
    {
        return ts == o.ts && capturedLength == o.capturedLength && originalLength == o.originalLength
               && linkType == o.linkType && interfaceId == o.interfaceId && direction == o.direction
               && bytes == o.bytes;
    }
};

// Every frame until next() says stop; the reader's error() tells whether that was the end.
inline std::vector<OwnedFrame> readAll(CaptureFileReader& reader)
{
    std::vector<OwnedFrame> frames;
    FrameRef f;
    while (reader.next(f)) frames.push_back(OwnedFrame::from(f, reader.lastFrameOffset()));
    return frames;
}

// A fresh directory under the system's temporary directory, removed with its contents.
class TempDir {
public:
    TempDir()
    {
        static std::atomic<unsigned> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_path = std::filesystem::temp_directory_path()
                 / ("rcvmon-file-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const std::filesystem::path& path() const { return m_path; }
    // Names of everything in the directory (to prove nothing is left behind).
    std::vector<std::string> entries() const
    {
        std::vector<std::string> names;
        for (const auto& e : std::filesystem::directory_iterator(m_path)) names.push_back(e.path().filename().string());
        return names;
    }

private:
    std::filesystem::path m_path;
};

inline void writeFile(const std::string& path, const std::vector<std::uint8_t>& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    ASSERT_TRUE(out.good()) << path;
}

inline std::vector<std::uint8_t> readFileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string corpusPublicDir() { return std::string(RCVMON_CORPUS_DIR) + "/public"; }

// Corpus capture files as strings, sorted; empty when the corpus is absent.
inline std::vector<std::string> corpusCaptures()
{
    std::vector<std::string> files;
    for (const auto& path : corpusCapturePaths()) files.push_back(path.string());
    return files;
}

}  // namespace rcvmon::test
