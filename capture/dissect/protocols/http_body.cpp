// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/protocols/http_body.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace rcvmon {
namespace {

bool equalsCi(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// One inflate state per thread, reset for each body: its window is allocated once.
class Inflater {
public:
    Inflater() { m_ready = inflateInit2(&m_stream, 15 + 32) == Z_OK; }  // 32: gzip or zlib header
    ~Inflater()
    {
        if (m_ready) inflateEnd(&m_stream);
    }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;

    // windowBits: 15 + 32 for a gzip or zlib wrapper, -15 for a raw deflate stream.
    std::size_t run(ByteSpan in, std::span<std::uint8_t> out, int windowBits)
    {
        if (!m_ready || inflateReset2(&m_stream, windowBits) != Z_OK) return 0;
        m_stream.next_in = const_cast<Bytef*>(in.data());  // zlib's API is not const-correct
        m_stream.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), 1u << 30));
        m_stream.next_out = out.data();
        m_stream.avail_out = static_cast<uInt>(out.size());
        const int status = inflate(&m_stream, Z_SYNC_FLUSH);
        // Z_BUF_ERROR is the usual end here: the body goes on in bytes not captured or not yet seen.
        if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) return 0;
        return out.size() - m_stream.avail_out;
    }

private:
    z_stream m_stream{};
    bool m_ready = false;
};

}  // namespace

ContentCoding contentCodingOf(std::string_view value)
{
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (value.empty() || equalsCi(value, "identity")) return ContentCoding::Identity;
    if (equalsCi(value, "gzip") || equalsCi(value, "x-gzip")) return ContentCoding::Gzip;
    if (equalsCi(value, "deflate")) return ContentCoding::Deflate;
    return ContentCoding::Unknown;
}

std::size_t decodeBodyPrefix(ByteSpan body, ContentCoding coding, std::span<std::uint8_t> out)
{
    switch (coding) {
    case ContentCoding::Identity: {
        const std::size_t n = std::min(body.size(), out.size());
        std::memcpy(out.data(), body.data(), n);
        return n;
    }
    case ContentCoding::Gzip:
    case ContentCoding::Deflate: {
        thread_local Inflater inflater;
        const std::size_t n = inflater.run(body, out, 15 + 32);
        // "deflate" is meant to be zlib-wrapped, but some servers send a bare deflate stream.
        return n > 0 || coding == ContentCoding::Gzip ? n : inflater.run(body, out, -15);
    }
    case ContentCoding::Unknown: return 0;
    }
    return 0;
}

}  // namespace rcvmon
