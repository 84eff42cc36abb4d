// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {

// The packet comments the user set (Edit ▸ Packet Comments), by frame number, beside the
// capture: the file itself is never rewritten in place; saving writes them. A frame the user
// edited shows the user's comments instead of its file's (an empty list: all deleted).
class PacketComments : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // The user's comments of frame `number` into `out` (cleared); false when the user left the
    // frame's comments as its file has them.
    bool commentsOf(std::uint64_t number, std::vector<std::string_view>& out) const;
    bool edited(std::uint64_t number) const { return m_comments.count(number) != 0; }
    // Every edited frame's comments, by frame number (a save copies them for its thread).
    const std::map<std::uint64_t, std::vector<std::string>>& edits() const { return m_comments; }
    void set(std::uint64_t number, std::vector<std::string> comments);
    // Forgets every edit (a new capture); not a change the user made.
    void clear();
    // Edits not yet written to a file.
    bool modified() const { return m_modified; }
    void markSaved() { m_modified = false; }

signals:
    void changed(quint64 number);

private:
    std::map<std::uint64_t, std::vector<std::string>> m_comments;
    bool m_modified = false;
};

}  // namespace rcvmon
