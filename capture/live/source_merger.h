// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/capture_source.h"
#include "store/bandwidth_bins.h"
#include "store/spsc_ring.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace rcvmon {

// Several sources as one: each member (a local interface, a remote one over ssh) is polled
// on a thread of its own into a queue of its own, and poll() hands their frames on merged by
// time stamp, member i's frames as interface i. A frame goes out once no other member can
// still deliver an earlier one: every other live member has a frame queued, or has finished
// a poll that started more than its delivery lag after the frame's time stamp (its
// watermark). A member whose clock runs ahead cannot stall the rest: a frame held for
// maxHold goes out anyway.
//
// One member ending or failing (a dropped ssh connection) does not end the others: it is
// reported in notices(), its frames are kept, and the merge goes on; poll() says End once
// every member is done and every queue is empty.
//
// Threads: poll() on the capture thread; everything else from any thread.
class SourceMerger final : public CaptureSource {
public:
    struct Member {
        std::unique_ptr<CaptureSource> source;
        // Longest time between a frame's time stamp and its delivery by poll(): AF_PACKET's
        // block timeout plus scheduling; for a remote source, its own plus the way over ssh.
        std::chrono::milliseconds deliveryLag{200};
    };
    struct Options {
        std::size_t queueBytes = 16u << 20;  // per member
        std::chrono::milliseconds maxHold{2000};
        int memberPollMs = 100;
        // False: poll() goes on (saying Frames) when every member has ended, so the members
        // can be restarted (replaceMember) in the same capture; the window's choice.
        bool endWhenAllEnd = true;
    };
    enum class MemberState : std::uint8_t { Running, Ended, Failed };
    struct MemberStatus {
        std::string name;
        CaptureMode mode = CaptureMode::Off;
        CaptureMode capturingMode = CaptureMode::Off;  // the last mode it captured in (not Off)
        CaptureStats stats;
        std::uint64_t droppedQueue = 0;  // frames lost because this member's queue was full
        MemberState state = MemberState::Running;
        std::string message;             // why it ended or failed
    };

    // Null and an error when there are no members or one cannot be set up.
    static std::unique_ptr<SourceMerger> create(std::vector<Member> members, std::string& error);
    static std::unique_ptr<SourceMerger> create(std::vector<Member> members, const Options& options, std::string& error);
    ~SourceMerger() override;
    SourceMerger(const SourceMerger&) = delete;
    SourceMerger& operator=(const SourceMerger&) = delete;

    PollResult poll(FrameSink& sink, int timeoutMs) override;
    void wakeup() override;
    CaptureStats stats() const override;  // the members' counts summed (queue drops not included)
    const std::string& error() const override { return m_error; }
    std::uint32_t linkType() const override;
    const std::string& name() const override { return m_name; }
    // The members' common mode; with mixed modes the first that is not Off.
    CaptureMode mode() const override;
    // Every member, Off then `mode` each; stops at the first refusal.
    bool setMode(CaptureMode mode, std::string& error) override;

    std::uint32_t interfaceCount() const override { return static_cast<std::uint32_t>(m_members.size()); }
    std::string interfaceName(std::uint32_t id) const override;
    std::uint32_t interfaceLinkType(std::uint32_t id) const override;
    // The member's mode when the frame was stamped (frames stamped just before a switch keep
    // the old mode, as CaptureSession does for the whole capture).
    std::optional<CaptureMode> interfaceModeAt(std::uint32_t id, const Timestamp& ts) const override;

    // One member's mode, the others untouched: Off, then `mode` (seed).
    bool setMemberMode(std::uint32_t id, CaptureMode mode, std::string& error);
    std::vector<MemberStatus> members() const;
    // What happened to members while capturing, oldest first ("... connection lost ...").
    std::vector<std::string> notices() const;
    // Stops polling the members; what their queues hold still comes out of poll(), now without
    // waiting for watermarks, and poll() then says End. For ending a capture without losing
    // the frames held back for ordering.
    void finishMembers();
    // Member `id`'s own bandwidth (bins of one second, counted on its thread as frames arrive).
    const BandwidthBins* memberBandwidth(std::uint32_t id) const;
    // A member that has ended or failed (a lost ssh connection) captures again from `source`,
    // a new opening of the same interface, as the same interface id; what it delivered before
    // stays. False, and why, while it still runs or once the merge is finishing.
    bool replaceMember(std::uint32_t id, std::unique_ptr<CaptureSource> source, std::string& error);

private:
    struct Slot;
    SourceMerger(std::vector<Member> members, const Options& options);
    bool startThreads(std::string& error);
    void runMember(Slot& slot);
    std::size_t mergeReady(FrameSink& sink, std::chrono::steady_clock::time_point now,
                           std::chrono::steady_clock::time_point& release);
    void signal();
    void addNotice(std::string text);

    Options m_options;
    std::vector<std::unique_ptr<Slot>> m_members;
    std::string m_name;
    std::string m_error;
    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    bool m_woken = false;        // a member queued frames or finished
    bool m_interrupted = false;  // wakeup(): poll() returns at once
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_finishing{false};
    std::mutex m_modeMutex;     // one member switch at a time (Off, then the mode)
    std::mutex m_replaceMutex;  // replaceMember() against itself and the destructor
    mutable std::mutex m_noticeMutex;
    std::vector<std::string> m_notices;
};

}  // namespace rcvmon
