// SPDX-License-Identifier: GPL-2.0-or-later
// MOUNT (RFC 1094 Appendix A, RFC 1813 Appendix I; program 100005): the export path a
// client mounts or unmounts, and the status of the server's answer.
#include "dissect/field_format.h"
#include "dissect/protocols/value_names.h"
#include "dissect/protocols/rpc/rpc.h"

namespace rcvmon {
namespace {

struct MountFields {
    FieldId procedure[4], path, status, flavors, flavor;
} hf;

constexpr std::uint32_t kMnt = 1, kUmnt = 3;

constexpr ValueName kStatus3[] = {
    {0, "OK"}, {1, "ERR_PERM"}, {2, "ERR_NOENT"}, {5, "ERR_IO"}, {13, "ERR_ACCESS"}, {20, "ERR_NOTDIR"},
    {22, "ERR_INVAL"}, {63, "ERR_NAMETOOLONG"}, {10004, "ERR_NOTSUPP"}, {10006, "ERR_SERVERFAULT"},
};

}  // namespace

namespace rpc {

std::size_t dissectMount(DissectContext& ctx, const Payload& body, const Message& m)
{
    LayerCursor c(ctx, "MOUNT", "mount", body.data, body.at, body.reported);
    c.add(hf.procedure[m.version < 4 ? m.version : 3], 0, 0, m.procedure);
    if (m.procedure == kMnt || m.procedure == kUmnt) {
        if (!m.reply) {
            xdrString(c, hf.path, 1024);
        } else if (m.procedure == kMnt) {
            const std::uint32_t status = c.u32(hf.status);
            if (m.version == 3 && status == 0) {
                xdrOpaque(c, LayerCursor::kNone, 64);  // the root's file handle
                const std::uint32_t count = c.u32(hf.flavors);
                for (std::uint32_t i = 0; i < count && i < 64 && c.ok(); ++i) c.u32(hf.flavor);
            }
        }
    }
    if (!c.ok()) return kWholeBody;
    c.setLength(c.pos());
    return c.pos();
}

void writeMountInfo(const LayerView& layer, std::string& out)
{
    if (layer.has(hf.path)) {
        out += ' ';
        out += layer.text(hf.path);
    }
    const FieldRecord* status = layer.field(hf.status);
    if (!status || status->number == 0 || messageOf(layer).version != 3) return;
    out += " Error:";
    appendNameOrHex(out, valueName(kStatus3, status->number), status->number, 8);
}

}  // namespace rpc

void registerMount(ProtocolRegistrar& r)
{
    r.protocol("mount");
    hf.procedure[0] = hf.procedure[1] = r.field({"mount.procedure_v1", "V1 Procedure", FieldKind::Unsigned, 32});
    hf.procedure[2] = r.field({"mount.procedure_v2", "V2 Procedure", FieldKind::Unsigned, 32});
    hf.procedure[3] = r.field({"mount.procedure_v3", "V3 Procedure", FieldKind::Unsigned, 32});
    hf.path = r.field({"mount.path", "Path", FieldKind::String});
    hf.status = r.field({"mount.status", "Status", FieldKind::Unsigned, 32, kStatus3});
    hf.flavors = r.field({"mount.flavors", "Flavors", FieldKind::Unsigned, 32});
    hf.flavor = r.field({"mount.flavor", "Flavor", FieldKind::Unsigned, 32});
}

}  // namespace rcvmon
