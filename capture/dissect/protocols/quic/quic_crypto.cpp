// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/protocols/quic/quic_crypto.h"

#ifdef RCVMON_HAVE_OPENSSL
#include <openssl/evp.h>
#include <openssl/kdf.h>
#endif

#include <algorithm>
#include <cstring>
#include <string_view>

namespace rcvmon {

#ifdef RCVMON_HAVE_OPENSSL
namespace {

constexpr std::uint8_t kSaltV1[] = {0x38, 0x76, 0x2c, 0xf7, 0xf5, 0x59, 0x34, 0xb3, 0x4d, 0x17,
                                    0x9a, 0xe6, 0xa4, 0xc8, 0x0c, 0xad, 0xcc, 0xbb, 0x7f, 0x0a};
constexpr std::uint8_t kSaltV2[] = {0x0d, 0xed, 0xe3, 0xde, 0xf7, 0x00, 0xa6, 0xdb, 0x81, 0x93,
                                    0x81, 0xbe, 0x6e, 0x26, 0x9d, 0xcb, 0xf9, 0xbd, 0x2e, 0xd9};
constexpr std::uint8_t kSaltDraft29[] = {0xaf, 0xbf, 0xec, 0x28, 0x99, 0x93, 0xd2, 0x4c, 0x9e, 0x97,
                                         0x86, 0xf1, 0x9c, 0x61, 0x11, 0xe0, 0x43, 0x90, 0xa8, 0x99};
constexpr std::uint8_t kSaltDraft23[] = {0xc3, 0xee, 0xf7, 0x12, 0xc7, 0x2e, 0xbb, 0x5a, 0x11, 0xa7,
                                         0xd2, 0x43, 0x2b, 0xb4, 0x63, 0x65, 0xbe, 0xf9, 0xf5, 0x02};

constexpr std::uint32_t kVersion2 = 0x6b3343cf;

ByteSpan saltFor(std::uint32_t version)
{
    if (version == 1) return ByteSpan(kSaltV1, sizeof kSaltV1);
    if (version == kVersion2) return ByteSpan(kSaltV2, sizeof kSaltV2);
    if ((version >> 8) == 0xff0000) {
        const std::uint32_t draft = version & 0xff;
        if (draft >= 29 && draft <= 34) return ByteSpan(kSaltDraft29, sizeof kSaltDraft29);
        if (draft >= 23 && draft <= 28) return ByteSpan(kSaltDraft23, sizeof kSaltDraft23);
    }
    return ByteSpan(kSaltV1, sizeof kSaltV1);  // other versions: Wireshark tries v1's
}

bool hkdf(int mode, ByteSpan key, ByteSpan salt, ByteSpan info, std::uint8_t* out, std::size_t outLen)
{
    EVP_PKEY_CTX* pctx = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr);
    if (!pctx) return false;
    bool ok = EVP_PKEY_derive_init(pctx) > 0 && EVP_PKEY_CTX_hkdf_mode(pctx, mode) > 0 &&
              EVP_PKEY_CTX_set_hkdf_md(pctx, EVP_sha256()) > 0 &&
              EVP_PKEY_CTX_set1_hkdf_key(pctx, key.data(), static_cast<int>(key.size())) > 0;
    if (ok && !salt.empty()) ok = EVP_PKEY_CTX_set1_hkdf_salt(pctx, salt.data(), static_cast<int>(salt.size())) > 0;
    if (ok && !info.empty()) ok = EVP_PKEY_CTX_add1_hkdf_info(pctx, info.data(), static_cast<int>(info.size())) > 0;
    std::size_t len = outLen;
    if (ok) ok = EVP_PKEY_derive(pctx, out, &len) > 0 && len == outLen;
    EVP_PKEY_CTX_free(pctx);
    return ok;
}

// HKDF-Expand-Label (RFC 8446 §7.1) with an empty context.
bool expandLabel(ByteSpan secret, std::string_view label, std::uint8_t* out, std::size_t outLen)
{
    std::array<std::uint8_t, 64> info{};
    std::size_t n = 0;
    info[n++] = static_cast<std::uint8_t>(outLen >> 8);
    info[n++] = static_cast<std::uint8_t>(outLen);
    info[n++] = static_cast<std::uint8_t>(6 + label.size());
    for (const char ch : std::string_view("tls13 ")) info[n++] = static_cast<std::uint8_t>(ch);
    for (const char ch : label) info[n++] = static_cast<std::uint8_t>(ch);
    info[n++] = 0;
    return hkdf(EVP_PKEY_HKDEF_MODE_EXPAND_ONLY, secret, {}, ByteSpan(info.data(), n), out, outLen);
}

}  // namespace

bool quicInitialSupported() { return true; }

bool quicInitialKeys(std::uint32_t version, ByteSpan dcid, bool server, QuicInitialKeys& out)
{
    const ByteSpan salt = saltFor(version);
    if (salt.empty()) return false;
    std::array<std::uint8_t, 32> initial{}, secret{};
    if (!hkdf(EVP_PKEY_HKDEF_MODE_EXTRACT_ONLY, dcid, salt, {}, initial.data(), initial.size())) return false;
    if (!expandLabel(ByteSpan(initial.data(), initial.size()), server ? "server in" : "client in", secret.data(),
                     secret.size()))
        return false;
    const bool v2 = version == kVersion2;
    const ByteSpan s(secret.data(), secret.size());
    return expandLabel(s, v2 ? "quicv2 key" : "quic key", out.key.data(), out.key.size()) &&
           expandLabel(s, v2 ? "quicv2 iv" : "quic iv", out.iv.data(), out.iv.size()) &&
           expandLabel(s, v2 ? "quicv2 hp" : "quic hp", out.hp.data(), out.hp.size());
}

bool quicUnprotectHeader(const QuicInitialKeys& keys, ByteSpan packet, std::size_t pnOffset, std::uint8_t& firstByte,
                         std::uint32_t& packetNumber, std::size_t& pnLength)
{
    if (pnOffset + 4 + 16 > packet.size()) return false;
    std::array<std::uint8_t, 32> mask{};
    int len = 0;
    EVP_CIPHER_CTX* cctx = EVP_CIPHER_CTX_new();
    if (!cctx) return false;
    bool ok = EVP_EncryptInit_ex(cctx, EVP_aes_128_ecb(), nullptr, keys.hp.data(), nullptr) > 0 &&
              EVP_CIPHER_CTX_set_padding(cctx, 0) > 0 &&
              EVP_EncryptUpdate(cctx, mask.data(), &len, packet.data() + pnOffset + 4, 16) > 0 && len == 16;
    EVP_CIPHER_CTX_free(cctx);
    if (!ok) return false;
    firstByte = static_cast<std::uint8_t>(packet[0] ^ (mask[0] & ((packet[0] & 0x80) ? 0x0f : 0x1f)));
    pnLength = (firstByte & 3u) + 1;
    packetNumber = 0;
    for (std::size_t i = 0; i < pnLength; ++i)
        packetNumber = (packetNumber << 8) | static_cast<std::uint8_t>(packet[pnOffset + i] ^ mask[1 + i]);
    return true;
}

bool quicDecryptPayload(const QuicInitialKeys& keys, ByteSpan header, std::uint64_t packetNumber, ByteSpan payload,
                        std::vector<std::uint8_t>& plain)
{
    if (payload.size() < 16) return false;
    std::array<std::uint8_t, 12> nonce = keys.iv;
    for (std::size_t i = 0; i < 8; ++i) nonce[11 - i] ^= static_cast<std::uint8_t>(packetNumber >> (8 * i));
    const std::size_t cipherLen = payload.size() - 16;
    plain.resize(cipherLen);
    EVP_CIPHER_CTX* cctx = EVP_CIPHER_CTX_new();
    if (!cctx) return false;
    int len = 0, fin = 0;
    std::array<std::uint8_t, 16> tag{};
    std::copy(payload.end() - 16, payload.end(), tag.begin());
    bool ok = EVP_DecryptInit_ex(cctx, EVP_aes_128_gcm(), nullptr, nullptr, nullptr) > 0 &&
              EVP_CIPHER_CTX_ctrl(cctx, EVP_CTRL_GCM_SET_IVLEN, 12, nullptr) > 0 &&
              EVP_DecryptInit_ex(cctx, nullptr, nullptr, keys.key.data(), nonce.data()) > 0 &&
              EVP_DecryptUpdate(cctx, nullptr, &len, header.data(), static_cast<int>(header.size())) > 0 &&
              EVP_DecryptUpdate(cctx, plain.data(), &len, payload.data(), static_cast<int>(cipherLen)) > 0 &&
              EVP_CIPHER_CTX_ctrl(cctx, EVP_CTRL_GCM_SET_TAG, 16, tag.data()) > 0 &&
              EVP_DecryptFinal_ex(cctx, plain.data() + len, &fin) > 0;
    EVP_CIPHER_CTX_free(cctx);
    if (!ok) plain.clear();
    return ok;
}

#else  // no OpenSSL: Initial packets stay protected

bool quicInitialSupported() { return false; }
bool quicInitialKeys(std::uint32_t, ByteSpan, bool, QuicInitialKeys&) { return false; }
bool quicUnprotectHeader(const QuicInitialKeys&, ByteSpan, std::size_t, std::uint8_t&, std::uint32_t&, std::size_t&)
{
    return false;
}
bool quicDecryptPayload(const QuicInitialKeys&, ByteSpan, std::uint64_t, ByteSpan, std::vector<std::uint8_t>&)
{
    return false;
}

#endif

}  // namespace rcvmon
