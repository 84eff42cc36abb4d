// SPDX-License-Identifier: GPL-2.0-or-later
// SMB (MS-CIFS §2.2.3.1) as NetBIOS datagrams carry it: a Transaction request (§2.2.4.33.1)
// that writes to a mailslot (MS-MAIL), and the browser protocol (MS-BRWS) behind
// \MAILSLOT\BROWSE and \MAILSLOT\LANMAN. Only what names the layers and their key fields.
#include "dissect/protocols/context.h"
#include "dissect/protocols/tail/browser.h"

#include <algorithm>
#include <string_view>

namespace rcvmon {
namespace {

constexpr std::size_t SmbHeaderLength = 32;
constexpr std::uint8_t CommandTransaction = 0x25;
constexpr std::uint8_t FlagReply = 0x80;
constexpr std::uint16_t Flags2Unicode = 0x8000;
constexpr std::uint8_t TransactionWords = 14;  // before the setup words
constexpr std::uint16_t MailslotWrite = 1;

bool isSmb(ByteSpan data)
{
    return data.size() >= 4 && data[0] == 0xff && data[1] == 'S' && data[2] == 'M' && data[3] == 'B';
}

// setup: the transaction's setup words, byte count and name; data: its data bytes.
void dissectMailslot(DissectContext& ctx, const Payload& setup, std::string_view name, const Payload& data)
{
    LayerCursor c(ctx, "SMB Mailslot", "mailslot", setup.data, setup.at, setup.reported);
    c.unlisted();
    ctx.setProtocol("SMB Mailslot");
    const std::uint16_t opcode = c.u16le(field::MailslotOpcode);
    if (!c.ok() || opcode != MailslotWrite) return;
    c.u16le(field::MailslotPriority);
    c.u16le(field::MailslotClass);
    c.u16le(field::MailslotSize);
    if (!c.ok()) return;
    ctx.out.addTextField(field::MailslotName, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(name.size() + 1),
                         name);
    const std::string_view slot = name.substr(std::string_view("\\MAILSLOT\\").size());
    if ((slot.starts_with("BROWSE") || slot.starts_with("LANMAN")) && !data.data.empty()) dissectBrowserMessage(ctx, data);
}

}  // namespace

bool dissectSmbDatagram(DissectContext& ctx, const Payload& p)
{
    if (!isSmb(p.data)) return false;
    LayerCursor c(ctx, "SMB", "smb", p.data, p.at, p.reported);
    ctx.setProtocol("SMB");
    c.skip(4);
    const std::uint8_t command = c.u8(field::SmbCmd);
    c.skip(4);  // status
    const std::uint8_t flags = c.u8();
    const std::uint16_t flags2 = c.u16le();
    if (!c.skip(SmbHeaderLength - c.pos()) || command != CommandTransaction || (flags & FlagReply)) return true;

    // Transaction request: word count, 14 words + setup words, byte count, name, ...
    const std::uint8_t words = c.u8();
    if (!c.ok() || words < TransactionWords) return true;
    const std::size_t wordsAt = c.pos();
    c.skip(2 * std::size_t{TransactionWords} - 6);
    const std::uint16_t dataCount = c.u16le();
    const std::uint16_t dataOffset = c.u16le();
    const std::uint8_t setupCount = c.u8();
    c.u8();
    if (!c.ok() || words != TransactionWords + setupCount) return true;
    const std::size_t setupAt = c.pos();
    c.skip(2 * std::size_t{setupCount});
    c.u16le();  // byte count
    if (!c.ok() || (flags2 & Flags2Unicode)) return true;  // mailslot names are sent as ASCII
    const ByteSpan rest = c.rest();
    const auto nul = std::find(rest.begin(), rest.end(), std::uint8_t{0});
    if (nul == rest.end()) {
        c.need(rest.size() + 1);
        return true;
    }
    const std::string_view name(reinterpret_cast<const char*>(rest.data()), static_cast<std::size_t>(nul - rest.begin()));
    ctx.out.addTextField(field::SmbTransName, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(name.size() + 1),
                         name);
    if (!name.starts_with("\\MAILSLOT\\")) return true;

    Payload setup;
    setup.data = c.data().subspan(setupAt, c.pos() + name.size() + 1 - setupAt);
    setup.reported = setup.data.size();
    setup.at = c.absolute(setupAt);
    Payload data;
    if (dataOffset >= wordsAt && dataOffset <= c.size()) {
        data.data = c.data().subspan(dataOffset, std::min<std::size_t>(dataCount, c.size() - dataOffset));
        data.reported = dataCount;
        data.at = c.absolute(dataOffset);
    }
    dissectMailslot(ctx, setup, name, data);
    return true;
}

}  // namespace rcvmon
