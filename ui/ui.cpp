// SPDX-License-Identifier: GPL-2.0-or-later
// Placeholder object until the window lands (issue 4).
namespace rcvmon { int uiPlaceholder() { return 0; } }
