// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "filter/color_filters.h"
#include "filter/color_rule_matcher.h"

#include <QBrush>
#include <QObject>
#include <QString>
#include <QVariant>

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace rcvmon {

class FrameReplay;
class PacketStoreView;

QColor toQColor(const Rgb16& c);
Rgb16 toRgb16(const QColor& c);

// The packet list's colouring rules (View ▸ Colorize Packet List, View ▸ Coloring Rules):
// the table asks for the colours of the rows a view paints, and only those are evaluated,
// each at most once until the rules change. The answers live in a small direct-mapped cache
// (frame number modulo its size), so neither time nor memory grows with the capture.
class PacketColorizer : public QObject {
    Q_OBJECT
public:
    explicit PacketColorizer(QObject* parent = nullptr);
    ~PacketColorizer() override;

    const std::vector<ColorFilter>& rules() const { return m_rules; }
    void setRules(std::vector<ColorFilter> rules);
    // Why rule i is skipped (its filter does not compile); empty when it is used.
    QString ruleError(std::size_t i) const;

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);

    // Colours of frame `number`; an invalid QVariant when colouring is off or no rule matches.
    QVariant background(PacketStoreView& store, std::uint64_t number);
    QVariant foreground(PacketStoreView& store, std::uint64_t number);
    // The index of the rule that colours the frame, or -1.
    int ruleFor(PacketStoreView& store, std::uint64_t number);

    // Frame numbers start again in a new store: forget every answer.
    void clearCache();
    // Frames [first, last] dissect differently now (the in-order pass or a replay reached them).
    void forget(std::uint64_t first, std::uint64_t last);
    // Rows dissected as in file order (null: each alone); the caller keeps it alive.
    void setReplay(FrameReplay* replay);
    // How many frames were evaluated so far (tests check that only shown rows are).
    std::uint64_t evaluations() const { return m_evaluations; }

    static constexpr std::size_t CacheSlots = 4096;

signals:
    // The rules or the switch changed: every shown row's colours may be different.
    void changed();

private:
    struct Slot {
        std::uint64_t number = 0;  // 0: empty (frames are numbered from 1)
        int rule = -1;
    };

    std::vector<ColorFilter> m_rules;
    std::unique_ptr<ColorRuleMatcher> m_matcher;
    std::vector<QBrush> m_backgrounds, m_foregrounds;
    std::array<Slot, CacheSlots> m_cache{};
    bool m_enabled = true;
    std::uint64_t m_evaluations = 0;
    FrameReplay* m_replay = nullptr;
    Dissection m_dissection;  // reused
};

}  // namespace rcvmon
