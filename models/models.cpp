// SPDX-License-Identifier: GPL-2.0-or-later
// Placeholder object until the models land (issue 4).
namespace rcvmon { int modelsPlaceholder() { return 0; } }
