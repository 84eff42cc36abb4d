// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_colorizer.h"

#include "frame_replay.h"
#include "packet_store_view.h"

namespace rcvmon {

QColor toQColor(const Rgb16& c)
{
    return QColor::fromRgba64(c.red, c.green, c.blue);
}

Rgb16 toRgb16(const QColor& c)
{
    const QRgba64 v = c.rgba64();
    return {v.red(), v.green(), v.blue()};
}

PacketColorizer::PacketColorizer(QObject* parent) : QObject(parent)
{
    setRules(defaultColorFilters());
}

PacketColorizer::~PacketColorizer() = default;

void PacketColorizer::setRules(std::vector<ColorFilter> rules)
{
    m_rules = std::move(rules);
    m_matcher = std::make_unique<ColorRuleMatcher>(m_rules);
    m_backgrounds.clear();
    m_foregrounds.clear();
    for (const ColorFilter& r : m_rules) {
        m_backgrounds.emplace_back(toQColor(r.background));
        m_foregrounds.emplace_back(toQColor(r.foreground));
    }
    clearCache();
    emit changed();
}

QString PacketColorizer::ruleError(std::size_t i) const
{
    return i < m_matcher->size() ? QString::fromStdString(m_matcher->error(i)) : QString();
}

void PacketColorizer::setEnabled(bool enabled)
{
    if (enabled == m_enabled) return;
    m_enabled = enabled;
    emit changed();
}

void PacketColorizer::clearCache()
{
    m_cache.fill(Slot{});
}

void PacketColorizer::forget(std::uint64_t first, std::uint64_t last)
{
    if (last < first) return;
    if (last - first >= CacheSlots) {
        clearCache();
        return;
    }
    for (std::uint64_t n = first; n <= last; ++n)
        if (m_cache[n % CacheSlots].number == n) m_cache[n % CacheSlots] = Slot{};
}

void PacketColorizer::setReplay(FrameReplay* replay)
{
    if (replay == m_replay) return;
    m_replay = replay;
    clearCache();
}

int PacketColorizer::ruleFor(PacketStoreView& store, std::uint64_t number)
{
    Slot& slot = m_cache[number % CacheSlots];
    if (slot.number == number) return slot.rule;
    FrameRef frame;
    int rule = -1;
    if (m_replay && m_replay->dissect(number, m_dissection, frame)) rule = m_matcher->matchDissected(m_dissection, frame);
    else if (store.frame(number, frame)) rule = m_matcher->match(frame, number);
    ++m_evaluations;
    slot = Slot{number, rule};
    return rule;
}

QVariant PacketColorizer::background(PacketStoreView& store, std::uint64_t number)
{
    if (!m_enabled) return {};
    const int rule = ruleFor(store, number);
    return rule < 0 ? QVariant() : QVariant(m_backgrounds[static_cast<std::size_t>(rule)]);
}

QVariant PacketColorizer::foreground(PacketStoreView& store, std::uint64_t number)
{
    if (!m_enabled) return {};
    const int rule = ruleFor(store, number);
    return rule < 0 ? QVariant() : QVariant(m_foregrounds[static_cast<std::size_t>(rule)]);
}

}  // namespace rcvmon
