// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/rcvall_error.h"

#include <gtest/gtest.h>
#include <winsock2.h>

#include <set>
#include <string>

namespace rcvmon {
namespace {

struct SeedCode {
    int code;
    const char* name;
};

// Every code the seed's SIO_RCVALL page lists, plus WSAEACCES (not Administrator).
constexpr SeedCode kSeedCodes[] = {
    {WSA_IO_PENDING, "WSA_IO_PENDING"},   {WSA_OPERATION_ABORTED, "WSA_OPERATION_ABORTED"},
    {WSAEFAULT, "WSAEFAULT"},             {WSAEINPROGRESS, "WSAEINPROGRESS"},
    {WSAEINTR, "WSAEINTR"},               {WSAEINVAL, "WSAEINVAL"},
    {WSAENETDOWN, "WSAENETDOWN"},         {WSAENOBUFS, "WSAENOBUFS"},
    {WSAENOPROTOOPT, "WSAENOPROTOOPT"},   {WSAENOTSOCK, "WSAENOTSOCK"},
    {WSAEOPNOTSUPP, "WSAEOPNOTSUPP"},     {WSAEACCES, "WSAEACCES"},
};

// The explanation alone: the message without its leading step and trailing code.
std::string explanationOf(const std::string& message)
{
    const std::size_t start = message.find(": ");
    const std::size_t end = message.rfind(" (");
    return message.substr(start + 2, end - start - 2);
}

TEST(RcvallError, EverySeedCodeNamesTheStepAndTheCode)
{
    const std::string step = "turning on SIO_RCVALL (RCVALL_ON) on the IPv4 raw socket of Ethernet";
    for (const SeedCode& seed : kSeedCodes) {
        SCOPED_TRACE(seed.name);
        const std::string message = describeRcvallError(seed.code, step);
        EXPECT_NE(message.find(step), std::string::npos) << message;
        EXPECT_NE(message.find(seed.name), std::string::npos) << message;
        EXPECT_NE(message.find(std::to_string(seed.code)), std::string::npos) << message;
        EXPECT_EQ(wsaErrorName(seed.code), seed.name);
        EXPECT_GT(explanationOf(message).size(), 40u) << message;
    }
}

TEST(RcvallError, EverySeedCodeHasItsOwnExplanation)
{
    std::set<std::string> explanations;
    for (const SeedCode& seed : kSeedCodes) {
        explanations.insert(explanationOf(describeRcvallError(seed.code, "x")));
    }
    EXPECT_EQ(explanations.size(), std::size(kSeedCodes));
}

TEST(RcvallError, NotAdministratorSaysHowToRestartElevated)
{
    const std::string message = describeRcvallError(WSAEACCES, "creating the IPv4 raw socket");
    EXPECT_NE(message.find("Administrator"), std::string::npos) << message;
    EXPECT_NE(message.find("Run as administrator"), std::string::npos) << message;
    EXPECT_NE(message.find("elevated"), std::string::npos) << message;
    EXPECT_NE(message.find("capture files"), std::string::npos) << message;
}

TEST(RcvallError, InvalidArgumentMentionsARemovedInterface)
{
    const std::string message = describeRcvallError(WSAEINVAL, "turning on SIO_RCVALL");
    EXPECT_NE(message.find("deleted or removed"), std::string::npos) << message;
}

TEST(RcvallError, UnsupportedProviderSaysCaptureIsUnavailableButFilesWork)
{
    for (int code : {WSAEOPNOTSUPP, WSAEPROTONOSUPPORT}) {
        const std::string message = describeRcvallError(code, "step");
        EXPECT_NE(message.find("not available"), std::string::npos) << message;
        EXPECT_NE(message.find("capture files"), std::string::npos) << message;
    }
    EXPECT_NE(describeRcvallError(WSAEOPNOTSUPP, "s").find("SIO_RCVALL"), std::string::npos);
}

TEST(RcvallError, UnknownCodeGivesAGenericMessageWithTheNumber)
{
    const std::string first = describeRcvallError(12345, "binding the IPv6 raw socket");
    const std::string second = describeRcvallError(54321, "binding the IPv6 raw socket");
    EXPECT_NE(first.find("12345"), std::string::npos) << first;
    EXPECT_NE(first.find("binding the IPv6 raw socket"), std::string::npos) << first;
    EXPECT_EQ(wsaErrorName(12345), "");
    // Generic: the same words for both, only the number differs.
    EXPECT_EQ(first.substr(0, first.rfind("12345")), second.substr(0, second.rfind("54321")));
    const std::string generic = first.substr(first.find(": ") + 2, 40);
    for (const SeedCode& seed : kSeedCodes) {
        const std::string message = describeRcvallError(seed.code, "binding the IPv6 raw socket");
        EXPECT_NE(message.substr(message.find(": ") + 2, 40), generic)
            << seed.name << " fell back to the generic text";
    }
}

}  // namespace
}  // namespace rcvmon
