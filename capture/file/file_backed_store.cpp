// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/file_backed_store.h"

namespace rcvmon {

// From this size on a file holds some hundred thousand packets or more: its index records go
// in 10 MiB blocks of huge pages, written ~20 times faster on a virtual machine that shadows
// page tables, at the price of up to one partly filled block counted against the bound.
constexpr std::uint64_t LargeFileBytes = std::uint64_t{256} << 20;

std::unique_ptr<PacketStore> makeFileBackedStore(CaptureFileReader& reader, const PacketStoreOptions& options)
{
    CaptureFileReader* source = &reader;
    PacketStoreOptions sized = options;
    sized.largeRecordBlocks = reader.mappedSize() >= LargeFileBytes;
    auto store = std::make_unique<PacketStore>(
        [source](std::uint64_t offset, FrameRef& out) { return source->readAt(offset, out); }, sized);
    store->setMappedFrames(reader.mappedBytes(), reader.fixedFrameOffset());
    return store;
}

}  // namespace rcvmon
