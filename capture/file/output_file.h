// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rcvmon {

// A file written safely: bytes go, through a large buffer, into a temporary file beside
// the target, and only commit() renames it into place. Destroying an uncommitted
// OutputFile removes the temporary, so a failure never leaves a partial file.
// Path "-" writes straight to standard output.
class OutputFile {
public:
    OutputFile() = default;
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    bool create(const std::string& path, std::string& error);
    // Buffers n bytes; writes the buffer out when full. False (and error) once anything failed.
    bool append(const std::uint8_t* data, std::size_t n, std::string& error);
    // Writes the buffer out, closes the file and renames it into place.
    bool commit(std::string& error);

    const std::string& temporaryPath() const { return m_tempPath; }

private:
    bool flush(std::string& error);
    bool writeOut(const std::uint8_t* data, std::size_t n, std::string& error);
    void discard();

    std::string m_path;
    std::string m_tempPath;
    std::string m_error;  // the first failure, repeated to later calls
    std::vector<std::uint8_t> m_buffer;
    std::size_t m_used = 0;
    bool m_toStdout = false;
    bool m_inPlace = false;  // a device or FIFO: written directly, never renamed over
    bool m_open = false;
    bool m_committed = false;
#ifdef _WIN32
    void* m_handle = nullptr;
#else
    int m_fd = -1;
#endif
};

}  // namespace rcvmon
