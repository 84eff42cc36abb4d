// SPDX-License-Identifier: GPL-2.0-or-later
// Several -i in one live capture, with -m and -f placed as dumpcap and tshark read them:
// before the first -i they are every interface's default, after an -i they are its own.
#include "cli_options.h"
#include "interface_specs.h"

#include <gtest/gtest.h>

using namespace rcvmon;
using namespace rcvmon::cli;

TEST(InterfaceSpecs, OptionsAfterAnInterfaceAreItsOwnAndBeforeAnyAreTheDefault)
{
    const auto r = parseCommandLine({"-m", "on", "-f", "udp", "-i", "eth0", "-i", "ssh://me@host:2222/eth1", "-m",
                                     "iplevel", "-i", "wlan0", "-f", "tcp port 80", "-w", "all.pcapng"});
    ASSERT_EQ(r.error, "");
    const CliOptions& o = r.options;
    ASSERT_EQ(o.interfaces.size(), 3u);
    EXPECT_EQ(o.interface, "eth0");
    EXPECT_EQ(o.interfaces[1].name, "ssh://me@host:2222/eth1");
    EXPECT_EQ(modeOf(o, o.interfaces[0]), CaptureMode::On);
    EXPECT_EQ(modeOf(o, o.interfaces[1]), CaptureMode::IpLevel);
    EXPECT_EQ(modeOf(o, o.interfaces[2]), CaptureMode::On);
    EXPECT_EQ(filterOf(o, o.interfaces[0]), "udp");
    EXPECT_EQ(filterOf(o, o.interfaces[1]), "udp");
    EXPECT_EQ(filterOf(o, o.interfaces[2]), "tcp port 80");
}

TEST(InterfaceSpecs, OneInterfaceKeepsTheCapturesModeAndFilter)
{
    const auto r = parseCommandLine({"-i", "eth0", "-m", "on", "-f", "icmp"});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.options.mode, CaptureMode::On);
    EXPECT_EQ(r.options.captureFilter, "icmp");
    EXPECT_EQ(r.options.defaultMode, CaptureMode::IpLevel);
}

TEST(InterfaceSpecs, RemoteOptionsAreTaken)
{
    const auto r = parseCommandLine({"-i", "ssh://host/eth0", "--ssh-option", "Port=2222", "--ssh-option",
                                     "IdentityFile=/k", "--remote-cli", "/opt/rcvmon/bin/rcvmon-cli"});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.options.sshOptions, (std::vector<std::string>{"Port=2222", "IdentityFile=/k"}));
    EXPECT_EQ(r.options.remoteCli, "/opt/rcvmon/bin/rcvmon-cli");
}

TEST(InterfaceSpecs, BadInterfaceListsAreUsageErrors)
{
    EXPECT_EQ(parseCommandLine({"-i", "eth0", "-i", "eth0"}).error, "interface eth0 is given twice");
    EXPECT_NE(parseCommandLine({"-i", "ssh://host"}).error.find("is not a remote interface"), std::string::npos);
    EXPECT_EQ(parseCommandLine({"-i", "a", "-i", "b", "--control-stdin"}).error, "--control-stdin works with one -i");
    EXPECT_NE(parseCommandLine({"-r", "x.pcap", "-f", "udp"}).error, "");
}
