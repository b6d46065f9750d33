// Anonymous page views per local day, screen and language: counts only, for the officer dashboard.
#pragma once

#include "core/clock.hpp"
#include "store/db.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::store {

// A row of the usage table: how often `screen` was shown in `lang` on `day`. Nothing in it tells
// one visitor from another.
struct UsageCount {
    std::string day; // "YYYY-MM-DD", local time
    std::string screen;
    std::string lang;
    std::int64_t views = 0;

    friend bool operator==(const UsageCount&, const UsageCount&) = default;
};

// "YYYY-MM-DD" of `ms` (Unix ms) in the machine's local time zone (localtime_r).
[[nodiscard]] std::string localDay(Millis ms);

// Adds every count in ONE transaction: a row already there grows by the new views. Throws
// SqliteError (nothing is added then), also for a day that is not "YYYY-MM-DD" or negative views.
void addUsage(Db& db, std::span<const UsageCount> counts);

// The rows with day >= `firstDay`, newest day first, then by screen, then by language.
[[nodiscard]] std::vector<UsageCount> usageSince(Db& db, std::string_view firstDay);

} // namespace kiosk::store
