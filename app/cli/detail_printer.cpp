// SPDX-License-Identifier: GPL-2.0-or-later
#include "detail_printer.h"

#include "dissect/detail_tree.h"

#include <algorithm>

namespace rcvmon::cli {
namespace {

class DetailPrinter final : public PacketPrinter {
public:
    DetailPrinter(std::vector<std::string> expanded, OutputBuffer& out) : m_expanded(std::move(expanded)), m_out(out) {}

    void print(const FrameRef& frame, std::uint64_t, const Dissection& d) override
    {
        const std::vector<DetailLine> lines = buildDetailTree(d, frame);
        // Lines come parents first; print them depth first, as the tree shows them.
        m_children.assign(lines.size() + 1, {});
        for (std::size_t i = 0; i < lines.size(); ++i)
            m_children[static_cast<std::size_t>(lines[i].parent + 1)].push_back(i);
        printChildren(lines, 0, 0);
        m_out.text() += '\n';
        m_out.maybeFlush();
    }

private:
    // The children of line `slot - 1` (slot 0: the top level).
    void printChildren(const std::vector<DetailLine>& lines, std::size_t slot, std::size_t depth)
    {
        for (const std::size_t i : m_children[slot]) {
            std::string& text = m_out.text();
            text.append(4 * depth, ' ');
            text += lines[i].text;
            text += '\n';
            if (expands(lines[i].name)) printChildren(lines, i + 1, depth + 1);
        }
    }

    bool expands(const std::string& layer) const
    {
        return m_expanded.empty() || std::find(m_expanded.begin(), m_expanded.end(), layer) != m_expanded.end();
    }

    std::vector<std::string> m_expanded;
    OutputBuffer& m_out;
    std::vector<std::vector<std::size_t>> m_children;
};

}  // namespace

std::unique_ptr<PacketPrinter> makeDetailPrinter(std::vector<std::string> expanded, OutputBuffer& out)
{
    return std::make_unique<DetailPrinter>(std::move(expanded), out);
}

}  // namespace rcvmon::cli
