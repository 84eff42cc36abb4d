// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/output_file.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#endif

namespace rcvmon {

namespace {

// One large buffer: an export costs a write per MiB, not per packet.
constexpr std::size_t BufferSize = 1024 * 1024;
#ifndef _WIN32
constexpr std::size_t kMaxPieces = 1024;  // IOV_MAX on Linux
#endif

std::atomic<unsigned> g_tempCounter{0};

#ifdef _WIN32
std::wstring widen(const std::string& utf8)
{
    const int n = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring out(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), out.data(), n);
    return out;
}

std::string systemMessage(DWORD code)
{
    char* text = nullptr;
    const DWORD n = FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM
                                       | FORMAT_MESSAGE_IGNORE_INSERTS,
                                   nullptr, code, 0, reinterpret_cast<char*>(&text), 0, nullptr);
    std::string out = n ? std::string(text, n) : "system error " + std::to_string(code);
    if (text) LocalFree(text);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' ' || out.back() == '.'))
        out.pop_back();
    return out;
}

unsigned processId() { return static_cast<unsigned>(GetCurrentProcessId()); }
#else
unsigned processId() { return static_cast<unsigned>(getpid()); }
#endif

std::string quoted(const std::string& path) { return "\"" + path + "\""; }

}  // namespace

OutputFile::~OutputFile()
{
    if (!m_committed) discard();
}

bool OutputFile::create(const std::string& path, std::string& error, Placement placement)
{
    m_path = path;
    m_buffer.resize(BufferSize);
    if (path == "-") {
        m_toStdout = true;
        m_open = true;
#ifdef _WIN32
        _setmode(_fileno(stdout), _O_BINARY);
        m_handle = GetStdHandle(STD_OUTPUT_HANDLE);
#else
        m_fd = 1;
#endif
        return true;
    }
#ifndef _WIN32
    // A device or pipe (/dev/null, a FIFO a reader waits on) is written in place: renaming
    // a temporary over it would replace the device node, and a stream has no partial file.
    struct stat existing{};
    if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode) && !S_ISDIR(existing.st_mode)) {
        m_fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
        if (m_fd < 0) {
            error = "Cannot write " + quoted(path) + ": " + std::strerror(errno) + ".";
            return false;
        }
        m_inPlace = true;
        m_open = true;
        return true;
    }
#endif
    if (placement == Placement::InPlace) return createInPlace(path, error);
    for (int attempt = 0; attempt < 100; ++attempt) {
        m_tempPath = path + ".rcvmon-tmp-" + std::to_string(processId()) + "-" + std::to_string(g_tempCounter++);
#ifdef _WIN32
        HANDLE h = CreateFileW(widen(m_tempPath).c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                               FILE_ATTRIBUTE_NORMAL, nullptr);
        if (h != INVALID_HANDLE_VALUE) {
            m_handle = h;
            m_open = true;
            return true;
        }
        const DWORD code = GetLastError();
        if (code == ERROR_FILE_EXISTS || code == ERROR_ALREADY_EXISTS) continue;
        error = "Cannot write " + quoted(path) + ": creating a temporary file beside it failed: "
                + systemMessage(code) + ".";
#else
        const int fd = ::open(m_tempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            m_fd = fd;
            m_open = true;
            return true;
        }
        if (errno == EEXIST) continue;
        error = "Cannot write " + quoted(path) + ": creating a temporary file beside it failed: "
                + std::strerror(errno) + ".";
#endif
        m_tempPath.clear();
        return false;
    }
    error = "Cannot write " + quoted(path) + ": no free temporary file name beside it.";
    m_tempPath.clear();
    return false;
}

bool OutputFile::createInPlace(const std::string& path, std::string& error)
{
#ifdef _WIN32
    // Readers may open the file while it grows; a ring may delete it while a reader has it.
    HANDLE h = CreateFileW(widen(path).c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_DELETE, nullptr,
                           CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        error = "Cannot write " + quoted(path) + ": " + systemMessage(GetLastError()) + ".";
        return false;
    }
    m_handle = h;
#else
    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (m_fd < 0) {
        error = "Cannot write " + quoted(path) + ": " + std::strerror(errno) + ".";
        return false;
    }
#endif
    m_inPlace = true;
    m_regular = true;
    m_open = true;
    return true;
}

bool OutputFile::writable(std::string& error) const
{
    if (!m_error.empty()) {
        error = m_error;
        return false;
    }
    if (!m_open || m_committed) {
        error = "Writing " + quoted(m_path) + " failed: the file is already closed.";
        return false;
    }
    return true;
}

bool OutputFile::failWriting(const std::string& reason, std::string& error)
{
    m_error = "Writing " + (m_toStdout ? std::string("standard output") : quoted(m_path)) + " failed: " + reason + ".";
    error = m_error;
    return false;
}

bool OutputFile::writeOut(const std::uint8_t* data, std::size_t n, std::string& error)
{
    while (n > 0) {
#ifdef _WIN32
        const DWORD chunk = n > (1u << 30) ? (1u << 30) : static_cast<DWORD>(n);
        DWORD written = 0;
        if (!WriteFile(static_cast<HANDLE>(m_handle), data, chunk, &written, nullptr)) {
            return failWriting(systemMessage(GetLastError()), error);
        }
#else
        const ssize_t written = ::write(m_fd, data, n);
        if (written < 0) {
            if (errno == EINTR) continue;
            return failWriting(std::strerror(errno), error);
        }
#endif
        data += written;
        n -= static_cast<std::size_t>(written);
    }
    return true;
}

bool OutputFile::flush(std::string& error)
{
    if (!m_error.empty()) {
        error = m_error;
        return false;
    }
    bool written = false;
#ifndef _WIN32
    if (!m_pieces.empty()) written = writeGathered(error);
    else
#endif
    {
        const std::size_t n = m_used;
        m_used = 0;
        written = writeOut(m_buffer.data(), n, error);
    }
    if (!written) {
        cutTornTail();
        return false;
    }
    m_flushedSize += m_pending;
    m_pending = 0;
    return true;
}

bool OutputFile::reserveRecord(std::size_t bytes, std::size_t borrowedPieces, std::string& error)
{
    if (!writable(error)) return false;
    bool fits = bytes <= m_buffer.size() - m_used;
#ifndef _WIN32
    // Each borrowed piece adds up to two entries (the buffered run before it, itself), and
    // writeGathered() one more: borrow() must not have to write out in the middle.
    if (m_pieces.size() + 2 * borrowedPieces + 1 >= kMaxPieces) fits = false;
#else
    (void)borrowedPieces;
#endif
    return fits || flush(error);
}

bool OutputFile::holdsBorrowedBytes() const
{
#ifndef _WIN32
    return !m_pieces.empty();
#else
    return false;
#endif
}

void OutputFile::cutTornTail()
{
    if (!m_regular) return;
#ifdef _WIN32
    LARGE_INTEGER at;
    at.QuadPart = static_cast<LONGLONG>(m_flushedSize);
    if (SetFilePointerEx(static_cast<HANDLE>(m_handle), at, nullptr, FILE_BEGIN)) SetEndOfFile(static_cast<HANDLE>(m_handle));
#else
    // Best effort: the write already failed and says why; a file that cannot be cut keeps its tail.
    if (::ftruncate(m_fd, static_cast<off_t>(m_flushedSize)) != 0) return;
#endif
}

#ifndef _WIN32
bool OutputFile::borrow(const std::uint8_t* data, std::size_t n, std::string& error)
{
    // Write out before the list grows past what one writev takes (IOV_MAX).
    if (m_pieces.size() + 2 >= kMaxPieces && !flush(error)) return false;
    if (m_used > m_runStart) m_pieces.push_back(iovec{m_buffer.data() + m_runStart, m_used - m_runStart});
    m_runStart = m_used;
    m_pieces.push_back(iovec{const_cast<std::uint8_t*>(data), n});
    m_pending += n;
    return true;
}

bool OutputFile::writeGathered(std::string& error)
{
    if (m_used > m_runStart) m_pieces.push_back(iovec{m_buffer.data() + m_runStart, m_used - m_runStart});
    iovec* piece = m_pieces.data();
    std::size_t left = m_pieces.size();
    while (left > 0) {
        const ssize_t written = ::writev(m_fd, piece, static_cast<int>(std::min(left, kMaxPieces)));
        if (written < 0) {
            if (errno == EINTR) continue;
            return failWriting(std::strerror(errno), error);
        }
        // A short write (a pipe, a full disk's last blocks): skip what went, trim the piece it ended in.
        auto done = static_cast<std::size_t>(written);
        while (left > 0 && done >= piece->iov_len) {
            done -= piece->iov_len;
            ++piece;
            --left;
        }
        if (left > 0) {
            piece->iov_base = static_cast<std::uint8_t*>(piece->iov_base) + done;
            piece->iov_len -= done;
        }
    }
    m_pieces.clear();
    m_used = 0;
    m_runStart = 0;
    return true;
}
#endif

bool OutputFile::append(const std::uint8_t* data, std::size_t n, std::string& error)
{
    if (!writable(error)) return false;
    if (n == 0) return true;
    if (n > m_buffer.size() - m_used) {
        if (!flush(error)) return false;
        if (n >= m_buffer.size()) {
            if (!writeOut(data, n, error)) {
                cutTornTail();
                return false;
            }
            m_flushedSize += n;
            return true;
        }
    }
    std::memcpy(m_buffer.data() + m_used, data, n);
    m_used += n;
    m_pending += n;
    return true;
}

std::uint8_t* OutputFile::appendSpace(std::size_t n, std::string& error)
{
    if (!writable(error)) return nullptr;
    if (n > m_buffer.size()) {
        error = "Writing " + quoted(m_path) + " failed: a block of " + std::to_string(n) + " bytes is larger than the buffer.";
        return nullptr;
    }
    if (n > m_buffer.size() - m_used && !flush(error)) return nullptr;
    std::uint8_t* space = m_buffer.data() + m_used;
    m_used += n;
    m_pending += n;
    return space;
}

bool OutputFile::appendFrameBytes(const std::uint8_t* data, std::size_t n, std::string& error)
{
#ifndef _WIN32
    if (borrows(n)) return writable(error) && borrow(data, n, error);
#endif
    return append(data, n, error);
}

bool OutputFile::commit(std::string& error)
{
    if (!writable(error)) return false;
    if (!flush(error)) return false;
    if (m_toStdout) {
        m_committed = true;
        return true;
    }
#ifdef _WIN32
    CloseHandle(static_cast<HANDLE>(m_handle));
    m_handle = nullptr;
    m_open = false;
    if (!m_inPlace && !MoveFileExW(widen(m_tempPath).c_str(), widen(m_path).c_str(), MOVEFILE_REPLACE_EXISTING)) {
        m_error = "Cannot save " + quoted(m_path) + ": renaming the finished temporary file failed: "
                  + systemMessage(GetLastError()) + ".";
        error = m_error;
        return false;
    }
#else
    const int fd = m_fd;
    m_fd = -1;
    m_open = false;
    if (::close(fd) != 0) {  // NFS and full disks report late
        m_error = "Writing " + quoted(m_path) + " failed: " + std::strerror(errno) + ".";
        error = m_error;
        return false;
    }
    if (!m_inPlace && std::rename(m_tempPath.c_str(), m_path.c_str()) != 0) {
        m_error = "Cannot save " + quoted(m_path) + ": renaming the finished temporary file failed: "
                  + std::strerror(errno) + ".";
        error = m_error;
        return false;
    }
#endif
    m_committed = true;
    m_tempPath.clear();
    return true;
}

void OutputFile::discard()
{
    if (m_toStdout) return;
#ifdef _WIN32
    if (m_handle) CloseHandle(static_cast<HANDLE>(m_handle));
    m_handle = nullptr;
    if (!m_tempPath.empty()) DeleteFileW(widen(m_tempPath).c_str());
#else
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    if (!m_tempPath.empty()) ::unlink(m_tempPath.c_str());
#endif
    m_open = false;
    m_tempPath.clear();
}

}  // namespace rcvmon
