// The anonymous usage counts (screens viewed, screens read aloud) the officer desk keeps in memory
// and writes to the store within the minute: counts only, no time and no person.
#pragma once

#include "core/clock.hpp"

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>

namespace kiosk {

namespace store {
class Db;
}

namespace desk {

// Counts wait in memory at most this long.
inline constexpr Millis kUsageFlushMs = 60'000;

// The counts not written yet. Not thread-safe: the desk keeps it under its worker's lock.
class UsageTally {
public:
    using Counts =
        std::map<std::tuple<std::string, std::string, std::string>, std::int64_t>; // (day, screen, lang)

    explicit UsageTally(Millis now) : m_since(now) {}

    // One more view of `screen` in `lang` (a code, "id") on `day`. True when it is the first since
    // the counts were last taken: they fall due a minute from `now`, with whatever follows.
    bool add(const std::string& day, std::string_view screen, std::string_view lang, Millis now);
    [[nodiscard]] bool empty() const { return m_counts.empty(); }
    // There are counts, and the first of them is a minute old at `now`.
    [[nodiscard]] bool due(Millis now) const { return !m_counts.empty() && now - m_since >= kUsageFlushMs; }
    // Every count so far; the tally starts again, empty, at `now`.
    [[nodiscard]] Counts take(Millis now);
    // Counts taken that could not be written: kept for the next try.
    void putBack(const Counts& counts);

private:
    Counts m_counts;
    Millis m_since;
};

// Adds `counts` to the store's usage table in one transaction. False (and logged) when it could not:
// nothing was added then.
[[nodiscard]] bool saveUsage(store::Db& db, const UsageTally::Counts& counts, std::ostream& log);

} // namespace desk
} // namespace kiosk
