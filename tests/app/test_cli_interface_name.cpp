// SPDX-License-Identifier: GPL-2.0-or-later
// frame.interface_id and frame.interface_name in rcvmon-cli's -T fields and -Y, checked against
// tshark on a pcapng that merges several interfaces (one of them without a name, which tshark
// calls "unknown"), read from a file and from a pipe; a pcap file has no interface name.
#include "run_process.h"

#include "core/link_type.h"
#include "file/capture_file_writer.h"
#include "require.h"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;

namespace rcvmon::test {
namespace {

const std::string kCli = RCVMON_CLI_PATH;

// Ethernet + IPv4 + UDP, the UDP destination port telling the frames apart.
std::vector<std::uint8_t> udpFrame(std::uint16_t port)
{
    std::vector<std::uint8_t> f = {0x02, 0, 0, 0, 0, 2, 0x02, 0, 0, 0, 0, 1, 0x08, 0x00,
                                   0x45, 0, 0, 29, 0, 1, 0, 0, 64, 17, 0, 0, 198, 18, 0, 1, 198, 18, 0, 2,
                                   0x30, 0x39, static_cast<std::uint8_t>(port >> 8), static_cast<std::uint8_t>(port), 0, 9, 0, 0, 0x41};
    return f;
}

class CliInterfaceName : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_path = fs::temp_directory_path() / ("rcvmon-ifname-" + std::to_string(getpid()) + ".pcapng");
        std::string error;
        auto writer = CaptureFileWriter::create(m_path.string(), FileFormat::PcapNg, error);
        ASSERT_TRUE(writer) << error;
        const std::array<const char*, 3> names = {"lo", "ssh-host:eth1", ""};
        for (const char* name : names) {
            InterfaceInfo info;
            info.linkType = link_type::Ethernet;
            info.snapLength = 262144;
            info.name = name;
            ASSERT_TRUE(writer->addInterface(info, error)) << error;
        }
        for (std::uint32_t i = 0; i < 12; ++i) {
            const std::uint32_t iface = (i * 7) % 3;  // every interface, not in turn
            auto bytes = udpFrame(static_cast<std::uint16_t>(1000 + i));
            FrameRef frame;
            frame.ts = Timestamp{1700000000 + i, 1000u * i};
            frame.capturedLength = frame.originalLength = static_cast<std::uint32_t>(bytes.size());
            frame.linkType = link_type::Ethernet;
            frame.interfaceId = iface;
            frame.data = ByteSpan(bytes.data(), bytes.size());
            ASSERT_TRUE(writer->write(frame, iface, error)) << error;
        }
        ASSERT_TRUE(writer->commit(error)) << error;
    }
    void TearDown() override
    {
        std::error_code ignored;
        fs::remove(m_path, ignored);
    }
    fs::path m_path;
};

TEST_F(CliInterfaceName, FieldsEqualTsharks)
{
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const std::string fields = " -T fields -e frame.number -e frame.interface_id -e frame.interface_name -e udp.dstport";
    const ProcessResult ours = runProcess(shellQuote(kCli) + " -r " + shellQuote(m_path.string()) + fields);
    const ProcessResult theirs = runProcess("tshark -r " + shellQuote(m_path.string()) + fields + " 2>/dev/null");
    ASSERT_EQ(ours.exitCode, 0) << ours.err;
    ASSERT_EQ(theirs.exitCode, 0);
    EXPECT_EQ(ours.out, theirs.out);
    // The names are there (not two empty columns that happen to agree).
    EXPECT_NE(ours.out.find("\t0\tlo\t"), std::string::npos) << ours.out;
    EXPECT_NE(ours.out.find("\t1\tssh-host:eth1\t"), std::string::npos) << ours.out;
    EXPECT_NE(ours.out.find("\t2\tunknown\t"), std::string::npos) << ours.out;
    // From a pipe, where the interface blocks are learnt as the stream goes.
    const ProcessResult piped = runProcess("cat " + shellQuote(m_path.string()) + " | " + shellQuote(kCli) + " -r -" + fields);
    ASSERT_EQ(piped.exitCode, 0) << piped.err;
    EXPECT_EQ(piped.out, theirs.out);
}

TEST_F(CliInterfaceName, DisplayFilterOnTheNameEqualsTsharks)
{
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    for (const std::string filter : {"frame.interface_name == \"lo\"", "frame.interface_name == \"ssh-host:eth1\"",
                                     "frame.interface_name", "frame.interface_name == \"unknown\"", "frame.interface_id == 2",
                                     "frame.interface_name contains \"eth\""}) {
        const std::string args = " -Y " + shellQuote(filter) + " -T fields -e frame.number -e frame.interface_name";
        const ProcessResult ours = runProcess(shellQuote(kCli) + " -r " + shellQuote(m_path.string()) + args);
        const ProcessResult theirs = runProcess("tshark -r " + shellQuote(m_path.string()) + args + " 2>/dev/null");
        ASSERT_EQ(ours.exitCode, 0) << filter << ": " << ours.err;
        EXPECT_EQ(ours.out, theirs.out) << filter;
        EXPECT_FALSE(ours.out.empty()) << filter;
    }
}

TEST_F(CliInterfaceName, APcapFileNamesNoInterfaceAsTsharkDoes)
{
    RCVMON_REQUIRE(haveProgram("tshark") && haveProgram("editcap"), toolWhat("tshark and editcap"));
    const std::string pcap = m_path.string() + ".pcap";
    ASSERT_EQ(runProcess("editcap -F pcap " + shellQuote(m_path.string()) + " " + shellQuote(pcap)).exitCode, 0);
    const std::string fields = " -T fields -e frame.number -e frame.interface_name";
    const ProcessResult ours = runProcess(shellQuote(kCli) + " -r " + shellQuote(pcap) + fields);
    const ProcessResult theirs = runProcess("tshark -r " + shellQuote(pcap) + fields + " 2>/dev/null");
    std::error_code ignored;
    fs::remove(pcap, ignored);
    ASSERT_EQ(ours.exitCode, 0) << ours.err;
    EXPECT_EQ(ours.out, theirs.out);
    EXPECT_EQ(ours.out.find("lo"), std::string::npos) << ours.out;
}

}  // namespace
}  // namespace rcvmon::test
