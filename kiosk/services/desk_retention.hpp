// Forgetting on time: the officer desk deletes the requests collected more than the configured number
// of days ago when it opens the database, after each export, and every 6 hours between.
#pragma once

#include "core/clock.hpp"

#include <chrono>
#include <ostream>

namespace kiosk {

namespace store {
class Db;
}

namespace desk {

class Retention {
public:
    // A kiosk that runs for weeks still forgets on time.
    static constexpr auto kEvery = std::chrono::hours(6);

    explicit Retention(int days) : m_days(days) {}

    // Six hours since the last purge (or none yet).
    [[nodiscard]] bool due(std::chrono::steady_clock::time_point now) const { return now - m_last >= kEvery; }
    // Deletes the requests collected more than the days before `nowMs` and logs how many; a failure
    // is logged, and the next purge tries again.
    void purge(store::Db& db, Millis nowMs, std::ostream& log);

private:
    int m_days;
    std::chrono::steady_clock::time_point m_last{};
};

} // namespace desk
} // namespace kiosk
