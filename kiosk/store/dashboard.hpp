// Everything the officer dashboard shows, read in one snapshot of the database.
#pragma once

#include "core/clock.hpp"
#include "store/batches.hpp"
#include "store/db.hpp"
#include "store/officer.hpp"
#include "store/requests.hpp"
#include "store/usage.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace kiosk::store {

// Requests by topic.
struct TopicCounts {
    std::array<std::int64_t, 4> byTopic{}; // in kAllRequestTopics order

    [[nodiscard]] std::int64_t total() const;
};

inline constexpr std::size_t kDashboardBatches = 10;
inline constexpr std::size_t kDashboardEvents = 20;
inline constexpr std::size_t kDashboardAudit = 50;
inline constexpr int kDashboardUsageDays = 7;

struct DashboardStats {
    TopicCounts fresh;                   // never collected
    TopicCounts collected;               // collected, still on the kiosk
    std::optional<Millis> oldestFreshMs; // created_ms of the oldest never-collected
    std::optional<BatchRecord> lastBatch;
    std::vector<BatchRecord> batches; // the last written first, at most kDashboardBatches ("copy again")
    std::vector<StoreEvent> events;   // newest first, at most kDashboardEvents (e.g. database-moved-aside)
    std::vector<AuditEntry> audit;    // the newest kDashboardAudit, newest first
    std::vector<UsageCount> usage;    // the last 7 local days including today (day >= localDay(now - 6 days))
    std::int64_t fileBytes = 0;       // page_count * page_size
};

// Reads it all in one read transaction (or within the caller's, when one is open), so the
// figures agree with each other. Measured: see tests/bench/store_bench.cpp (dashboard_open_100k_ms).
// Throws SqliteError.
[[nodiscard]] DashboardStats loadDashboard(Db& db, Millis nowMs);

} // namespace kiosk::store
