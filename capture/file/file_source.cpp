// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/file_source.h"

#include <utility>

namespace rcvmon {

std::unique_ptr<FileSource> FileSource::open(const std::string& path, std::string& error)
{
    auto reader = CaptureFileReader::open(path, error);
    if (!reader) return nullptr;
    return std::make_unique<FileSource>(std::move(reader), path == "-" ? "standard input" : path);
}

FileSource::FileSource(std::unique_ptr<CaptureFileReader> reader, std::string name)
    : m_reader(std::move(reader)), m_name(std::move(name))
{
    if (!m_reader->interfaces().empty()) m_linkType = m_reader->interfaces().front().linkType;
}

PollResult FileSource::poll(FrameSink& sink, int /*timeoutMs*/)
{
    if (m_finished) return m_error.empty() ? PollResult::End : PollResult::Error;
    FrameRef frame;
    for (int i = 0; i < BatchSize; ++i) {
        if (!m_reader->next(frame)) {
            m_finished = true;
            // A torn tail ends the replay as an error would: the session shows why it stopped.
            m_error = m_reader->error().empty() ? m_reader->warning() : m_reader->error();
            return m_error.empty() ? PollResult::End : PollResult::Error;
        }
        if (m_received.load(std::memory_order_relaxed) == 0) m_linkType = frame.linkType;
        sink.onFrame(frame);
        m_received.fetch_add(1, std::memory_order_relaxed);
    }
    return PollResult::Frames;
}

CaptureStats FileSource::stats() const
{
    CaptureStats s;
    s.received = m_received.load(std::memory_order_relaxed);
    return s;
}

std::uint32_t FileSource::linkType() const { return m_linkType.load(std::memory_order_relaxed); }

bool FileSource::setMode(CaptureMode mode, std::string& error)
{
    if (mode == CaptureMode::Off) return true;  // already off: nothing to switch
    error = "Cannot switch " + m_name + " to mode \"" + std::string(captureModeName(mode))
            + "\": it is a capture file, and RCVALL modes apply only to live interfaces.";
    return false;
}

}  // namespace rcvmon
