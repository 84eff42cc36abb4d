// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdio>
#include <string>

namespace rcvmon::cli {

// Collects output text and writes it to a FILE in large pieces: one fwrite per ~64 KiB,
// not one per field. Reports a failed write (a closed pipe, a full disk) once.
class OutputBuffer {
public:
    explicit OutputBuffer(std::FILE* out) : m_out(out) { m_text.reserve(kFlushAt + 4096); }
    ~OutputBuffer() { flush(); }
    OutputBuffer(const OutputBuffer&) = delete;
    OutputBuffer& operator=(const OutputBuffer&) = delete;

    std::string& text() { return m_text; }
    void maybeFlush() { if (m_text.size() >= kFlushAt) flush(); }
    bool flush()
    {
        if (!m_text.empty() && std::fwrite(m_text.data(), 1, m_text.size(), m_out) != m_text.size())
            m_failed = true;
        m_text.clear();
        return std::fflush(m_out) == 0 && !m_failed;
    }
    bool failed() const { return m_failed; }

private:
    static constexpr std::size_t kFlushAt = 64 * 1024;
    std::FILE* m_out;
    std::string m_text;
    bool m_failed = false;
};

}  // namespace rcvmon::cli
