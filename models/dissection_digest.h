// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>

namespace rcvmon {

class Dissection;

// A 32-bit digest of what a dissection shows (its layers, fields, values, Protocol and Info
// inputs), so a frame re-dissected later can be checked against the in-order pass cheaply.
// The frame layer is left out: interface names and the user's comments change after the
// pass without changing any other frame.
std::uint32_t dissectionDigest(const Dissection& dissection);

}  // namespace rcvmon
