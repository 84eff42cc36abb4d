// SPDX-License-Identifier: GPL-2.0-or-later
// The window's capture backend with FakeCaptureSource behind it: window tests capture without a
// network, and see every mode switch the window asks for in `shared`.
#pragma once

#include "capture_backend.h"
#include "fake_capture_source.h"

#include <memory>

namespace rcvmon::test {

inline CaptureBackend fakeCaptureBackend(FakeCaptureSource::Shared& shared)
{
    CaptureBackend backend;
    backend.open = [&shared](const CaptureRequest& request, QString&) -> std::unique_ptr<CaptureSource> {
        return std::make_unique<FakeCaptureSource>(request.interfaceName.toStdString(), request.mode, shared,
                                                   shared.framesPerPoll);
    };
    return backend;
}

}  // namespace rcvmon::test
