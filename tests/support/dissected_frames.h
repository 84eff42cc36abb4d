// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "file/capture_file_reader.h"

#include <cstdint>
#include <string>

namespace rcvmon::test {

// Every frame of a capture file dissected in order, as tshark's single pass does, each handed
// to fn(frame, number, dissection). False (and error) when the file cannot be opened; a file
// cut short is read up to where it ends.
template <typename Fn>
bool forEachDissectedFrame(const std::string& path, Fn&& fn, std::string& error,
                           Dissector::Options options = Dissector::Options{})
{
    auto reader = CaptureFileReader::open(path, error);
    if (!reader) return false;
    Dissector dissector(options);
    Dissection dissection;
    FrameRef frame;
    std::uint64_t number = 0;
    while (reader->next(frame)) {
        dissector.dissect(frame, ++number, dissection);
        fn(static_cast<const FrameRef&>(frame), number, static_cast<const Dissection&>(dissection));
    }
    return true;
}

}  // namespace rcvmon::test
