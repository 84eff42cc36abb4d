// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/rcvall_source.h"

#include "core/link_type.h"
#include "live/windows/rcvall_error.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <thread>

namespace rcvmon {
namespace {

using Clock = std::chrono::steady_clock;

class CountingSink : public FrameSink {
public:
    void onFrame(const FrameRef& frame) override
    {
        ++frames;
        EXPECT_EQ(frame.linkType, link_type::Raw);
    }
    int frames = 0;
};

WindowsNetworkInterface loopbackInterface()
{
    std::string error;
    for (const WindowsNetworkInterface& iface : listWindowsInterfaces(error)) {
        if (iface.loopback) return iface;
    }
    ADD_FAILURE() << "no loopback interface " << error;
    return {};
}

bool insideWine()
{
    // wine's ntdll exports wine_get_version; Windows' does not.
    const HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    return ntdll && GetProcAddress(ntdll, "wine_get_version") != nullptr;
}

// A failed open leaves exactly the message describeRcvallError gives for its code and step,
// with a code we have words for, nothing open, and poll() reporting the error.
void expectClearFailure(RcvallSource& source)
{
    EXPECT_FALSE(source.error().empty());
    EXPECT_EQ(source.error(), describeRcvallError(source.lastWsaError(), source.failedStep()));
    EXPECT_FALSE(wsaErrorName(source.lastWsaError()).empty())
        << "code " << source.lastWsaError() << " got the generic text: " << source.error();
    EXPECT_EQ(source.mode(), CaptureMode::Off);
    CountingSink sink;
    EXPECT_EQ(source.poll(sink, 10), PollResult::Error);
    EXPECT_EQ(sink.frames, 0);
}

TEST(RcvallSource, OpeningWithoutRawSocketsFailsWithTheClearError)
{
    RcvallSource source(loopbackInterface());
    EXPECT_EQ(source.linkType(), link_type::Raw);
    EXPECT_EQ(source.mode(), CaptureMode::Off);
    if (source.start(CaptureMode::On)) {
        ASSERT_FALSE(insideWine()) << "wine has no SIO_RCVALL, yet start() succeeded";
        // An elevated Windows: capture really runs; stopping must still work.
        EXPECT_EQ(source.mode(), CaptureMode::On);
        source.stop();
        EXPECT_EQ(source.mode(), CaptureMode::Off);
        return;
    }
    std::cout << "wine: code " << source.lastWsaError() << " (" << wsaErrorName(source.lastWsaError())
              << ") while " << source.failedStep() << "\n  " << source.error() << "\n";
    expectClearFailure(source);
}

TEST(RcvallSource, Ipv6OnlyInterfaceReachesAsFarAsWindowsLets)
{
    WindowsNetworkInterface iface = loopbackInterface();
    iface.addresses = {"::1/128"};
    RcvallSource source(iface);
    if (source.start(CaptureMode::IpLevel)) {
        ASSERT_FALSE(insideWine());
        return;
    }
    std::cout << "wine, IPv6 only: code " << source.lastWsaError() << " ("
              << wsaErrorName(source.lastWsaError()) << ") while " << source.failedStep() << "\n";
    expectClearFailure(source);
    // Whichever step failed, the socket never bound to "any".
    EXPECT_EQ(source.failedStep().find("::/"), std::string::npos);
}

TEST(RcvallSource, AnAddressThatIsNotOnTheInterfaceIsAClearError)
{
    WindowsNetworkInterface iface = loopbackInterface();
    iface.addresses = {"2001:db8::99/64"};  // documentation prefix: on no interface here
    RcvallSource source(iface);
    ASSERT_FALSE(source.start(CaptureMode::On));
    expectClearFailure(source);
}

TEST(RcvallSource, InterfaceWithoutAddressesIsAClearError)
{
    WindowsNetworkInterface iface;
    iface.name = "Disconnected adapter";
    iface.index = 42;
    RcvallSource source(iface);
    ASSERT_FALSE(source.start(CaptureMode::On));
    EXPECT_NE(source.error().find("no IPv4 or IPv6 address"), std::string::npos) << source.error();
    EXPECT_NE(source.error().find("Disconnected adapter"), std::string::npos) << source.error();
    EXPECT_EQ(source.lastWsaError(), 0);
    EXPECT_EQ(source.mode(), CaptureMode::Off);
    std::string error;
    EXPECT_FALSE(source.setMode(CaptureMode::IpLevel, error));
    EXPECT_EQ(error, source.error());
}

TEST(RcvallSource, SetModeFromOffOpensAndReportsTheSameError)
{
    RcvallSource source(loopbackInterface());
    std::string error;
    EXPECT_TRUE(source.setMode(CaptureMode::Off, error));  // already off: nothing to do
    if (source.setMode(CaptureMode::On, error)) {
        ASSERT_FALSE(insideWine());
        std::string switchError;
        EXPECT_TRUE(source.setMode(CaptureMode::IpLevel, switchError)) << switchError;
        EXPECT_EQ(source.mode(), CaptureMode::IpLevel);
        EXPECT_TRUE(source.setMode(CaptureMode::Off, switchError));
        return;
    }
    EXPECT_EQ(error, source.error());
    expectClearFailure(source);
}

// How many handles the process holds. wine answers GetProcessHandleCount with 0, so there
// every handle value up to 64 Ki is asked whether it is open (sockets are handles too).
std::size_t handleCount()
{
    DWORD count = 0;
    if (GetProcessHandleCount(GetCurrentProcess(), &count) && count != 0) return count;
    std::size_t open = 0;
    for (std::uintptr_t value = 4; value < 4 * 16384; value += 4) {
        DWORD flags = 0;
        if (GetHandleInformation(reinterpret_cast<HANDLE>(value), &flags)) ++open;
    }
    return open;
}

TEST(RcvallSource, OpenAndCloseLeakNoHandles)
{
    // The last WSACleanup closes every socket left open: keep Winsock started so a leaked
    // socket stays leaked and shows.
    WinsockSession keepWinsockStarted;
    const WindowsNetworkInterface loopback = loopbackInterface();
    WindowsNetworkInterface ipv6Only = loopback;
    ipv6Only.addresses = {"::1/128"};  // under wine this gets as far as WSAIoctl
    {
        RcvallSource warmUp(loopback);  // first use loads DLLs and may keep handles for good
        warmUp.start(CaptureMode::On);
        RcvallSource warmUp6(ipv6Only);
        warmUp6.start(CaptureMode::On);
    }
    const std::size_t before = handleCount();
    ASSERT_NE(before, 0u);
    for (int i = 0; i < 100; ++i) {
        RcvallSource source(i % 2 ? loopback : ipv6Only);
        source.start(i % 4 < 2 ? CaptureMode::On : CaptureMode::IpLevel);
        source.stop();
        source.start(CaptureMode::On);
    }  // the destructor stops the second start
    const std::size_t after = handleCount();
    std::cout << "handles before " << before << ", after 100 rounds " << after << "\n";
    EXPECT_LE(after, before + 2);
}

TEST(RcvallSource, OpenByNameFindsTheInterfaceOrSaysItIsUnknown)
{
    std::string error;
    EXPECT_EQ(RcvallSource::open("no such interface", CaptureMode::On, error), nullptr);
    EXPECT_NE(error.find("no such interface"), std::string::npos) << error;
    EXPECT_NE(error.find("rcvmon-cli -D"), std::string::npos) << error;

    const WindowsNetworkInterface loopback = loopbackInterface();
    error.clear();
    auto source = RcvallSource::open(std::to_string(loopback.index), CaptureMode::IpLevel, error);
    if (source) {
        ASSERT_FALSE(insideWine());
        EXPECT_EQ(source->mode(), CaptureMode::IpLevel);
        return;
    }
    // The same words a source started directly gives.
    RcvallSource direct(loopback);
    ASSERT_FALSE(direct.start(CaptureMode::IpLevel));
    EXPECT_EQ(error, direct.error());
}

TEST(RcvallSource, StatsCountNothingAndSayKernelDropsAreUnknown)
{
    RcvallSource source(loopbackInterface());
    EXPECT_EQ(source.stats().received, 0u);
    EXPECT_EQ(source.stats().droppedKernel, 0u);
    EXPECT_FALSE(RcvallSource::kReportsKernelDrops);
    EXPECT_EQ(source.name(), loopbackInterface().name);
}

TEST(RcvallSource, WakeupEndsAPollThatIsWaiting)
{
    RcvallSource source(loopbackInterface());  // Off: poll only waits for its timeout or wakeup
    CountingSink sink;
    Clock::time_point wokenAt;
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        wokenAt = Clock::now();
        source.wakeup();
    });
    const auto start = Clock::now();
    EXPECT_EQ(source.poll(sink, 30000), PollResult::Frames);
    const auto returnedAt = Clock::now();
    stopper.join();
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(returnedAt - wokenAt).count(), 100);
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(returnedAt - start).count(), 2000);
    EXPECT_EQ(sink.frames, 0);
}

}  // namespace
}  // namespace rcvmon
