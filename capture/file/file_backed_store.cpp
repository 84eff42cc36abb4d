// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/file_backed_store.h"

namespace rcvmon {

std::unique_ptr<PacketStore> makeFileBackedStore(CaptureFileReader& reader, const PacketStoreOptions& options)
{
    CaptureFileReader* source = &reader;
    auto store = std::make_unique<PacketStore>(
        [source](std::uint64_t offset, FrameRef& out) { return source->readAt(offset, out); }, options);
    store->setMappedFrames(reader.mappedBytes(), reader.fixedFrameOffset());
    return store;
}

}  // namespace rcvmon
