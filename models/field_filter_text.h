// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace rcvmon {

// "Apply as Filter" for a node of the detail tree: the filter that selects packets with
// this field's value ("ip.src == 198.18.0.10", text quoted), or the protocol alone for a
// layer ("dns"). The value is what the node shows after "Label: "; when that text does not
// make a valid filter, its first word is tried ("60 bytes" → 60). Empty when the node has
// no filter name.
QString filterForDetailNode(const QString& fieldName, const QString& nodeText, bool isLayer);

}  // namespace rcvmon
