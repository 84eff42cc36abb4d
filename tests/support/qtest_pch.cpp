// SPDX-License-Identifier: GPL-2.0-or-later
// Empty: the library exists to build the precompiled header every QtTest executable reuses
// (tests/models/qtest.cmake, cmake/RcvmonPrecompiledHeaders.cmake).
