// SPDX-License-Identifier: GPL-2.0-or-later
// frame.interface_name: the name of the interface a frame was captured on, from the capture
// file's interface description block (pcapng if_name), as Wireshark's frame dissector shows it
// under "Interface id". The Dissector adds it at the start of each frame when its capture names
// the interface (Dissector::setInterfaceNames).
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {
FieldId g_interfaceName = 0;
}

FieldId frameInterfaceNameField()
{
    return g_interfaceName;
}

void registerFrameInterface(ProtocolRegistrar& r)
{
    // A field of the frame, not a protocol of its own: no protocol() call.
    g_interfaceName = r.field({"frame.interface_name", "Interface name", FieldKind::String});
}

}  // namespace rcvmon
