// Tests of the officer dashboard's figures: counts by topic, the oldest new request, the newest
// batches, events and audit rows, the last seven days of usage, the file size; and its index.
#include "store/dashboard.hpp"
#include "store/schema.hpp"

#include "store_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::store;

namespace {

constexpr Millis kDay = 24 * 60 * 60 * 1000;
constexpr Millis kNow = 1'764'400'000'000; // 2025-11-29T14:06:40+07:00

struct Fixture {
    test::TempDir dir;
    fs::path file = dir.path() / "kiosk.db";
    FakeClock clock;
    std::ostringstream log;
    RequestStore::Opened opened = RequestStore::open(file, "CMG", clock, log);
    RequestStore& store = *opened.store;
    Db& db = *store.database();

    Fixture() { test::useKioskTimeZone(); }

    BatchRecord collect(const std::string& id, std::span<const std::int64_t> ids, Millis at)
    {
        BatchRecord b;
        b.id = id;
        b.createdMs = at;
        b.count = static_cast<std::int64_t>(ids.size());
        b.folder = "20251129T000000-" + id;
        b.stick = "STICK-" + id;
        (void)markCollected(db, b, ids, at);
        return b;
    }
};

} // namespace

TEST_CASE("an empty kiosk: nothing counted, nothing oldest, no batch")
{
    Fixture f;
    const DashboardStats stats = loadDashboard(f.db, kNow);
    CHECK(stats.fresh.total() == 0);
    CHECK(stats.collected.total() == 0);
    CHECK_FALSE(stats.oldestFreshMs.has_value());
    CHECK_FALSE(stats.lastBatch.has_value());
    CHECK(stats.batches.empty());
    CHECK(stats.events.empty());
    CHECK(stats.audit.empty());
    CHECK(stats.usage.empty());
    CHECK(stats.fileBytes > 0);
    CHECK_FALSE(f.db.inTransaction());
}

TEST_CASE("the dashboard counts, lists the newest of everything, and the last seven days")
{
    Fixture f;
    // 40 requests, topic n % 4 (numberedRequest), created one hour apart from 40 hours ago.
    std::vector<NewRequest> requests;
    for (int n = 0; n < 40; ++n)
        requests.push_back({test::numberedRequest(n), kNow - (40 - n) * 3'600'000});
    f.store.insertBatch(requests);
    // 12 batches: the first collects ids 1–12 (topics 0,1,2,3,…), the others none, so the newest
    // 10 are listed; then ids 13–14 once more, from a clock that went back.
    std::vector<std::int64_t> first;
    for (std::int64_t id = 1; id <= 12; ++id)
        first.push_back(id);
    (void)f.collect("b00", first, kNow - 10 * kDay);
    for (int i = 1; i < 11; ++i)
        (void)f.collect("b" + std::to_string(i + 10), {}, kNow - (10 - i) * kDay);
    const std::int64_t more[] = {13, 14};
    const BatchRecord last = f.collect("b99", more, kNow - 20 * kDay);

    for (int i = 0; i < 25; ++i)
        f.store.recordEvent(kEventMovedAside, "/data/kiosk.db.corrupt-" + std::to_string(i));
    for (int i = 0; i < 60; ++i)
        appendAudit(f.db, kNow - 60 + i, kAuditContent, "n=" + std::to_string(i));
    // Usage on each of the 9 days up to today: the dashboard shows today and the 6 before it.
    std::vector<UsageCount> usage;
    for (int d = 0; d < 9; ++d) {
        usage.push_back({localDay(kNow - d * kDay), "home", "id", 10 + d});
        usage.push_back({localDay(kNow - d * kDay), "callback", "en", 1});
    }
    addUsage(f.db, usage);

    const DashboardStats stats = loadDashboard(f.db, kNow);
    CHECK_FALSE(f.db.inTransaction());
    // Requests 1–14 are collected: topics of n = 0…13 (id = n + 1).
    CHECK(stats.collected.byTopic == std::array<std::int64_t, 4>{4, 4, 3, 3});
    CHECK(stats.fresh.byTopic == std::array<std::int64_t, 4>{6, 6, 7, 7});
    CHECK(stats.fresh.total() + stats.collected.total() == 40);
    REQUIRE(stats.oldestFreshMs.has_value());
    CHECK(*stats.oldestFreshMs == kNow - 26 * 3'600'000); // n = 14, the first never collected

    REQUIRE(stats.lastBatch.has_value());
    CHECK(stats.lastBatch->id == "b99");
    CHECK(stats.lastBatch->stick == last.stick);
    CHECK(stats.lastBatch->count == 2);
    REQUIRE(stats.batches.size() == kDashboardBatches);
    CHECK(stats.batches[0].id == "b99");
    CHECK(stats.batches[1].id == "b20");
    CHECK(stats.batches[9].id == "b12");

    REQUIRE(stats.events.size() == kDashboardEvents);
    CHECK(stats.events[0].detail == "/data/kiosk.db.corrupt-24");
    CHECK(stats.events[19].detail == "/data/kiosk.db.corrupt-5");
    CHECK(stats.events[0].kind == kEventMovedAside);

    // The 60 content rows and the 12 export rows: the newest 50, newest first.
    REQUIRE(stats.audit.size() == kDashboardAudit);
    CHECK(stats.audit[0].detail == "n=59");
    CHECK(stats.audit[49].detail == "n=10");

    REQUIRE(stats.usage.size() == 14);
    CHECK(stats.usage[0] == UsageCount{"2025-11-29", "callback", "en", 1});
    CHECK(stats.usage[1] == UsageCount{"2025-11-29", "home", "id", 10});
    CHECK(stats.usage[13] == UsageCount{"2025-11-23", "home", "id", 16});

    f.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    CHECK(loadDashboard(f.db, kNow).fileBytes == static_cast<std::int64_t>(fs::file_size(f.file)));
}

TEST_CASE("the dashboard reads inside a transaction already open, and leaves it open")
{
    Fixture f;
    const std::vector<NewRequest> one = {{test::numberedRequest(1), kNow}};
    f.store.insertBatch(one);
    Transaction transaction(f.db);
    const DashboardStats stats = loadDashboard(f.db, kNow);
    CHECK(stats.fresh.byTopic[1] == 1);
    CHECK(f.db.inTransaction());
    transaction.commit();
}

TEST_CASE("the dashboard's counts read only the covering index, never a request row")
{
    Db db(":memory:", OpenMode::ReadWriteCreate);
    migrate(db);
    for (const char* sql :
         {"EXPLAIN QUERY PLAN SELECT topic, count(*), min(created_ms) FROM requests WHERE collected_batch IS "
          "NULL GROUP BY topic",
          "EXPLAIN QUERY PLAN SELECT topic, count(*) FROM requests WHERE collected_batch IS NOT NULL GROUP "
          "BY "
          "topic"}) {
        CAPTURE(sql);
        Stmt plan(db, sql);
        std::string text;
        while (plan.step())
            text += plan.columnText(3) + "\n";
        CHECK_MESSAGE(text.find("USING COVERING INDEX requests_for_dashboard") != std::string::npos, text);
    }
}
