// SPDX-License-Identifier: GPL-2.0-or-later
// Packet comments (pcapng opt_comment, Wireshark 4.0's frame.comment) in rcvmon-cli: -T fields,
// -Y and -V against tshark on a file RcvMon's writer made and on one editcap made; read from a
// pipe; kept by rcvmon-cli -w so tshark reads the same comments back.
#include "run_process.h"

#include "core/link_type.h"
#include "file/capture_file_writer.h"
#include "require.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;

namespace rcvmon::test {
namespace {

const std::string kCli = RCVMON_CLI_PATH;

std::vector<std::uint8_t> udpFrame(std::uint16_t port)
{
    return {0x02, 0, 0, 0, 0, 2, 0x02, 0, 0, 0, 0, 1, 0x08, 0x00,
            0x45, 0, 0, 29, 0, 1, 0, 0, 64, 17, 0, 0, 198, 18, 0, 1, 198, 18, 0, 2,
            0x30, 0x39, static_cast<std::uint8_t>(port >> 8), static_cast<std::uint8_t>(port), 0, 9, 0, 0, 0x41};
}

// The "Packet comments" trees of a -V text, with the frame title each one stands above.
std::string commentTrees(const std::string& verbose)
{
    std::istringstream in(verbose);
    std::string line;
    std::string out;
    bool inside = false;
    while (std::getline(in, line)) {
        if (line == "Packet comments") inside = true;
        if (inside) out += line + "\n";
        if (line.rfind("Frame ", 0) == 0) inside = false;
    }
    return out;
}

class CliComments : public ::testing::Test {
protected:
    void SetUp() override
    {
        const std::string stem = "rcvmon-comments-" + std::to_string(getpid());
        m_path = fs::temp_directory_path() / (stem + ".pcapng");
        m_out = fs::temp_directory_path() / (stem + "-out.pcapng");
        std::string error;
        auto writer = CaptureFileWriter::create(m_path.string(), FileFormat::PcapNg, error);
        ASSERT_TRUE(writer) << error;
        InterfaceInfo info;
        info.linkType = link_type::Ethernet;
        info.snapLength = 262144;
        info.name = "eth0";
        ASSERT_TRUE(writer->addInterface(info, error)) << error;
        const std::vector<std::vector<std::string_view>> comments = {
            {"hello"}, {}, {"two, of them", "and \"quoted\" x"}, {}, {"x marks"}, {}};
        for (std::uint32_t i = 0; i < comments.size(); ++i) {
            auto bytes = udpFrame(static_cast<std::uint16_t>(1000 + i));
            FrameRef frame;
            frame.ts = Timestamp{1700000000 + i, 1000u * i};
            frame.capturedLength = frame.originalLength = static_cast<std::uint32_t>(bytes.size());
            frame.linkType = link_type::Ethernet;
            frame.data = ByteSpan(bytes.data(), bytes.size());
            writer->setNextComments(comments[i]);
            ASSERT_TRUE(writer->write(frame, 0, error)) << error;
        }
        ASSERT_TRUE(writer->commit(error)) << error;
    }
    void TearDown() override
    {
        std::error_code ignored;
        fs::remove(m_path, ignored);
        fs::remove(m_out, ignored);
    }
    std::string path() const { return shellQuote(m_path.string()); }
    fs::path m_path;
    fs::path m_out;
};

const std::string kFields = " -T fields -e frame.number -e frame.comment -e udp.dstport";

TEST_F(CliComments, FieldsEqualTsharksFromAFileAndAPipe)
{
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const ProcessResult ours = runProcess(shellQuote(kCli) + " -r " + path() + kFields);
    const ProcessResult theirs = runProcess("tshark -r " + path() + kFields + " 2>/dev/null");
    ASSERT_EQ(ours.exitCode, 0) << ours.err;
    ASSERT_EQ(theirs.exitCode, 0);
    EXPECT_EQ(ours.out, theirs.out);
    EXPECT_NE(ours.out.find("3\ttwo, of them,and \"quoted\" x\t1002"), std::string::npos) << ours.out;
    const ProcessResult piped = runProcess("cat " + path() + " | " + shellQuote(kCli) + " -r -" + kFields);
    ASSERT_EQ(piped.exitCode, 0) << piped.err;
    EXPECT_EQ(piped.out, theirs.out);
}

TEST_F(CliComments, DisplayFiltersEqualTsharks)
{
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    for (const std::string filter : {"frame.comment", "!frame.comment", "frame.comment contains \"x\"",
                                     "frame.comment == \"hello\"", "frame.comment matches \"^two\"",
                                     "frame.comment contains \"x\" && udp.dstport == 1004"}) {
        const std::string args = " -Y " + shellQuote(filter) + " -T fields -e frame.number -e frame.comment";
        const ProcessResult ours = runProcess(shellQuote(kCli) + " -r " + path() + args);
        const ProcessResult theirs = runProcess("tshark -r " + path() + args + " 2>/dev/null");
        ASSERT_EQ(ours.exitCode, 0) << filter << ": " << ours.err;
        EXPECT_EQ(ours.out, theirs.out) << filter;
        EXPECT_FALSE(ours.out.empty()) << filter;
    }
}

TEST_F(CliComments, VerboseShowsThePacketCommentsTreeAsTsharkDoes)
{
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const ProcessResult ours = runProcess(shellQuote(kCli) + " -r " + path() + " -V");
    const ProcessResult theirs = runProcess("tshark -r " + path() + " -V 2>/dev/null");
    ASSERT_EQ(ours.exitCode, 0) << ours.err;
    const std::string trees = commentTrees(ours.out);
    EXPECT_NE(trees.find("    and \"quoted\" x\n        [Expert Info (Comment/Comment): and \"quoted\" x]\n"),
              std::string::npos)
        << trees;
    // The frame titles differ in what follows the lengths (tshark names the interface); the trees do not.
    const auto titlesCut = [](std::string text) {
        std::string out;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);)
            out += (line.rfind("Frame ", 0) == 0 ? line.substr(0, line.find(':')) : line) + "\n";
        return out;
    };
    EXPECT_EQ(titlesCut(trees), titlesCut(commentTrees(theirs.out)));
}

TEST_F(CliComments, WritingKeepsTheCommentsForTshark)
{
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const std::string out = shellQuote(m_out.string());
    for (const std::string select : {"", " -Y 'udp.dstport >= 1002'"}) {
        const ProcessResult wrote = runProcess(shellQuote(kCli) + " -r " + path() + select + " -w " + out);
        ASSERT_EQ(wrote.exitCode, 0) << wrote.err;
        const ProcessResult theirs = runProcess("tshark -r " + out + kFields + " 2>/dev/null");
        const ProcessResult original = runProcess("tshark -r " + path() + select + kFields + " 2>/dev/null");
        ASSERT_EQ(theirs.exitCode, 0);
        // Frame numbers restart in the copy; the comments and ports are what must match.
        const auto dropNumbers = [](const std::string& text) {
            std::string outText;
            std::istringstream in(text);
            for (std::string line; std::getline(in, line);) outText += line.substr(line.find('\t')) + "\n";
            return outText;
        };
        EXPECT_EQ(dropNumbers(theirs.out), dropNumbers(original.out)) << select;
        EXPECT_NE(theirs.out.find("x marks"), std::string::npos) << theirs.out;
    }
}

// Issue 12: each comment's expert item is a field (frame.comment.expert, a label) that filters
// and -T fields see, in the -V tree beneath its comment, and a Comment item of -z expert.
TEST_F(CliComments, CommentExpertItemsEqualTsharks)
{
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const std::string fields = " -T fields -e frame.number -e frame.comment.expert -e frame.comment";
    for (const std::string filter : {"frame.comment.expert", "!frame.comment.expert",
                                     "frame.comment.expert && udp.dstport == 1004"}) {
        const std::string args = " -Y " + shellQuote(filter) + fields;
        const ProcessResult ours = runProcess(shellQuote(kCli) + " -r " + path() + args);
        const ProcessResult theirs = runProcess("tshark -r " + path() + args + " 2>/dev/null");
        ASSERT_EQ(ours.exitCode, 0) << filter << ": " << ours.err;
        ASSERT_EQ(theirs.exitCode, 0) << filter;
        EXPECT_EQ(ours.out, theirs.out) << filter;
        EXPECT_FALSE(ours.out.empty()) << filter;
    }
    // Two comments: two expert items.
    const ProcessResult two = runProcess(shellQuote(kCli) + " -r " + path() + " -Y frame.number==3" + fields);
    EXPECT_EQ(two.out, "3\t1,1\ttwo, of them,and \"quoted\" x\n");
    // A label has no value to compare, in tshark as here.
    EXPECT_NE(runProcess(shellQuote(kCli) + " -r " + path() + " -Y 'frame.comment.expert == \"x\"'").exitCode, 0);
    // tshark takes a UDP port of these frames for a protocol RcvMon does not dissect (its
    // Errors section differs): the Comments sections must be equal.
    const auto comments = [](const std::string& text) {
        const std::size_t at = text.find("\nComments (");
        return at == std::string::npos ? std::string() : text.substr(at);
    };
    for (const std::string z : {" -q -z expert", " -q -z expert,comment", " -q -z expert,note"}) {
        const ProcessResult ours = runProcess(shellQuote(kCli) + " -r " + path() + z);
        const ProcessResult theirs = runProcess("tshark -r " + path() + z + " 2>/dev/null");
        ASSERT_EQ(ours.exitCode, 0) << z << ": " << ours.err;
        EXPECT_EQ(comments(ours.out), comments(theirs.out)) << z;
    }
    const ProcessResult z = runProcess(shellQuote(kCli) + " -r " + path() + " -q -z expert,comment");
    EXPECT_NE(z.out.find("Comments (4)"), std::string::npos) << z.out;
    EXPECT_NE(z.out.find("Comment              Frame  x marks\n"), std::string::npos) << z.out;
}

TEST_F(CliComments, AnEditcapCommentReadsAsTsharkReadsIt)
{
    RCVMON_REQUIRE(haveProgram("tshark") && haveProgram("editcap"), toolWhat("tshark and editcap"));
    const std::string out = shellQuote(m_out.string());
    ASSERT_EQ(runProcess("editcap -a 2:'from editcap' -a 6:'last, one' " + path() + " " + out).exitCode, 0);
    const ProcessResult ours = runProcess(shellQuote(kCli) + " -r " + out + kFields);
    const ProcessResult theirs = runProcess("tshark -r " + out + kFields + " 2>/dev/null");
    ASSERT_EQ(ours.exitCode, 0) << ours.err;
    EXPECT_EQ(ours.out, theirs.out);
    EXPECT_NE(ours.out.find("2\tfrom editcap\t1001"), std::string::npos) << ours.out;
}

}  // namespace
}  // namespace rcvmon::test
