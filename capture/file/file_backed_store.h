// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/capture_file_reader.h"
#include "store/packet_store.h"

#include <memory>

namespace rcvmon {

// A PacketStore for an opened, mapped capture file: its frames stay in the file and the store
// keeps one index record each, reading a frame back through the reader (or, for pcap, straight
// from the mapping). The reader must outlive the store.
std::unique_ptr<PacketStore> makeFileBackedStore(CaptureFileReader& reader, const PacketStoreOptions& options = {});

}  // namespace rcvmon
