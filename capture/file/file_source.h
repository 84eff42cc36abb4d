// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/capture_file_reader.h"
#include "live/capture_source.h"

#include <atomic>
#include <memory>
#include <string>

namespace rcvmon {

// A capture file as a CaptureSource: each poll() hands the next batch of frames to the sink,
// End at the end of the file, Error (after delivering what was read) on damage or truncation.
// Its mode is always Off: RCVALL modes belong to live interfaces.
class FileSource final : public CaptureSource {
public:
    static constexpr int BatchSize = 1024;

    // nullptr and error (naming the file and the reason) when it cannot be opened.
    static std::unique_ptr<FileSource> open(const std::string& path, std::string& error);
    FileSource(std::unique_ptr<CaptureFileReader> reader, std::string name);

    PollResult poll(FrameSink& sink, int timeoutMs) override;
    void wakeup() override {}  // poll never waits
    CaptureStats stats() const override;
    const std::string& error() const override { return m_error; }
    std::uint32_t linkType() const override;
    const std::string& name() const override { return m_name; }
    CaptureMode mode() const override { return CaptureMode::Off; }
    bool setMode(CaptureMode mode, std::string& error) override;

    CaptureFileReader& reader() { return *m_reader; }

private:
    std::unique_ptr<CaptureFileReader> m_reader;
    std::string m_name;
    std::string m_error;
    std::atomic<std::uint64_t> m_received{0};
    std::atomic<std::uint32_t> m_linkType{0};
    bool m_finished = false;
};

}  // namespace rcvmon
