// SPDX-License-Identifier: GPL-2.0-or-later
// The fuzz input format shared by the libFuzzer harness and the regression replay:
//   byte 0     link type selector (index into kFuzzLinkTypes, wrapping)
//   byte 1     bit 0: reassembly on; bits 1-7: bytes added to each frame's wire length
//   then up to kMaxFrames frames, each a 2-byte big-endian length and that many bytes
//   (the last frame takes what is left when the length overruns the input)
// Several frames per input let the fragment table and TCP conversations carry state.
#pragma once

#include "core/frame.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rcvmon {
class Dissection;
}

namespace rcvmon::fuzz {

inline constexpr std::uint32_t kFuzzLinkTypes[] = {1, 101, 113, 276, 0, 108, 228, 229, 12, 14, 147};
inline constexpr std::size_t kMaxFrames = 64;

// An input decoded: each frame its own allocation of exactly its bytes, so reading one past
// the end is caught.
struct FuzzFrames {
    std::uint32_t linkType = 1;
    bool reassemble = false;
    std::uint32_t extraWireBytes = 0;
    std::vector<std::vector<std::uint8_t>> frames;
};
// False when the input is too short to name a link type.
bool decodeInput(const std::uint8_t* data, std::size_t size, FuzzFrames& out);
// The FrameRef for frame n (0-based) of bytes: timestamps and wire length made up.
FrameRef frameRefFor(const std::vector<std::uint8_t>& bytes, std::uint32_t linkType, std::uint32_t extraWireBytes,
                     std::size_t n);

// Dissects every frame of the input and formats every field, column and summary.
void runDissectorInput(const std::uint8_t* data, std::size_t size);
// Formats every field, column and summary of a dissection, as the packet list, the detail
// pane and the CLI's -T fields would; -T fields of the absent fields too when asked (all
// several thousand of them: thorough, but slow on long inputs).
void formatEverything(const Dissection& out, bool absentFieldsToo);

// Builds an input from frames (for seeds): the inverse of the format above.
std::vector<std::uint8_t> encodeInput(std::uint8_t linkSelector, bool reassemble,
                                      const std::vector<std::vector<std::uint8_t>>& frames);

}  // namespace rcvmon::fuzz
