// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/mapped_file.h"

#include <utility>

#ifdef _WIN32
#include <windows.h>
#else
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace rcvmon {

MappedFile::~MappedFile() { close(); }

MappedFile::MappedFile(MappedFile&& other) noexcept { *this = std::move(other); }

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept
{
    if (this != &other) {
        close();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_kind = other.m_kind;
        m_fd = std::exchange(other.m_fd, -1);
#ifdef _WIN32
        m_mapping = std::exchange(other.m_mapping, nullptr);
#endif
    }
    return *this;
}

int MappedFile::releaseDescriptor() { return std::exchange(m_fd, -1); }

#ifdef _WIN32

namespace {

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

std::wstring widen(const std::string& utf8)
{
    const int n = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring out(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), out.data(), n);
    return out;
}

}  // namespace

bool MappedFile::open(const std::string& path, std::string& error)
{
    close();
    const std::wstring wide = widen(path);
    const DWORD attributes = GetFileAttributesW(wide.c_str());
    if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY)) {
        error = "it is a directory";
        return false;
    }
    HANDLE file = CreateFileW(wide.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                              nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE) {
        error = systemMessage(GetLastError());
        return false;
    }
    LARGE_INTEGER size{};
    if (!GetFileSizeEx(file, &size)) {
        error = systemMessage(GetLastError());
        CloseHandle(file);
        return false;
    }
    m_kind = Kind::Mapped;
    m_size = static_cast<std::size_t>(size.QuadPart);
    if (m_size == 0) {  // an empty file cannot be mapped; it simply has no bytes
        CloseHandle(file);
        return true;
    }
    m_mapping = CreateFileMappingW(file, nullptr, PAGE_READONLY, 0, 0, nullptr);
    const DWORD mappingError = GetLastError();
    CloseHandle(file);
    if (!m_mapping) {
        m_size = 0;
        error = systemMessage(mappingError);
        return false;
    }
    m_data = static_cast<const std::uint8_t*>(MapViewOfFile(m_mapping, FILE_MAP_READ, 0, 0, 0));
    if (!m_data) {
        error = systemMessage(GetLastError());
        close();
        return false;
    }
    return true;
}

// Windows maps ahead of sequential reads on its own (the cache manager's read-ahead).
void MappedFile::populate(std::size_t, std::size_t) const {}

// No descriptor is kept: sequential reads go through the view.
bool MappedFile::canReadAt() const { return false; }
std::size_t MappedFile::readAt(std::size_t, std::uint8_t*, std::size_t) const { return 0; }

void MappedFile::close()
{
    if (m_data) UnmapViewOfFile(m_data);
    if (m_mapping) CloseHandle(m_mapping);
    m_data = nullptr;
    m_mapping = nullptr;
    m_size = 0;
    m_fd = -1;
}

#else

bool MappedFile::open(const std::string& path, std::string& error)
{
    close();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    struct stat st {};
    if (fstat(fd, &st) != 0) {
        error = std::strerror(errno);
        ::close(fd);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        error = "it is a directory";
        ::close(fd);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {  // a FIFO or device: the caller streams it
        m_kind = Kind::NotRegular;
        m_fd = fd;
        return true;
    }
    m_kind = Kind::Mapped;
    m_size = static_cast<std::size_t>(st.st_size);
    if (m_size == 0) {  // mmap refuses zero length; an empty file simply has no bytes
        ::close(fd);
        return true;
    }
    void* p = mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
    const int mapErrno = errno;
    if (p == MAP_FAILED) {
        ::close(fd);
        m_size = 0;
        error = std::strerror(mapErrno);
        return false;
    }
    m_data = static_cast<const std::uint8_t*>(p);
    m_fd = fd;  // kept for copied sequential reads (readAt)
    return true;
}

bool MappedFile::canReadAt() const { return m_fd >= 0 && m_data; }

std::size_t MappedFile::readAt(std::size_t offset, std::uint8_t* into, std::size_t length) const
{
    std::size_t done = 0;
    while (done < length) {
        const ssize_t got = ::pread(m_fd, into + done, length - done, static_cast<off_t>(offset + done));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        done += static_cast<std::size_t>(got);
    }
    return done;
}

void MappedFile::populate(std::size_t offset, std::size_t length) const
{
    if (offset >= m_size) return;
    const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const std::size_t start = offset / page * page;
    const std::size_t end = length < m_size - offset ? offset + length : m_size;
#ifdef MADV_POPULATE_READ
    // Linux 5.14 and later; older kernels answer EINVAL and the reads fault as before.
    madvise(const_cast<std::uint8_t*>(m_data) + start, end - start, MADV_POPULATE_READ);
#else
    (void)start;
    (void)end;
#endif
}

void MappedFile::close()
{
    if (m_data) munmap(const_cast<std::uint8_t*>(m_data), m_size);
    if (m_fd >= 0) ::close(m_fd);
    m_data = nullptr;
    m_size = 0;
    m_fd = -1;
}

#endif

}  // namespace rcvmon
